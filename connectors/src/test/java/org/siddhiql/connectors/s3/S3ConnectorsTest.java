package org.siddhiql.connectors.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;

class S3ConnectorsTest {
    private static final MapSpec CSV = new MapSpec("csv", Map.of());

    @Test
    void eachBucketGetsItsOwnEndpointAndCredentials() {
        SourceSpec in = new SourceSpec("In", "s3", Map.of("bucket.name", "in", "object.path", "a/b",
                "endpoint", "http://127.0.0.1:9000", "path.style.access", "true", "aws.access.key", "AK1",
                "aws.secret.key", "${siddhiql.test.secret}"), CSV, 1, 1);
        SinkSpec out = new SinkSpec("Out", "s3", Map.of("bucket.name", "out", "aws.region", "eu-west-1"), CSV, 2, 1);
        SinkSpec kafka = new SinkSpec("K", "kafka", Map.of("topic", "t", "bootstrap.servers", "b:1"),
                new MapSpec("json", Map.of()), 3, 1);
        System.setProperty("siddhiql.test.secret", "SK1");
        try {
            assertEquals(Map.of(
                    "s3.bucket.in.endpoint", "http://127.0.0.1:9000",
                    "s3.bucket.in.path.style.access", "true",
                    "s3.bucket.in.access.key", "AK1",
                    "s3.bucket.in.secret.key", "SK1",
                    "s3.bucket.out.endpoint.region", "eu-west-1"),
                    S3Connectors.fileSystemConfiguration(List.of(in, out, kafka)).toMap());
        } finally {
            System.clearProperty("siddhiql.test.secret");
        }
        assertEquals("s3://in/a/b", S3Connectors.path(in).toString());
        assertEquals("s3://out/", S3Connectors.path(out).toString());
    }

    @Test
    void twoConnectorsCannotGiveOneBucketDifferentCredentials() {
        SourceSpec in = new SourceSpec("In", "s3", Map.of("bucket.name", "shared", "aws.access.key", "AK1",
                "aws.secret.key", "SK1"), CSV, 1, 1);
        SinkSpec out = new SinkSpec("Out", "s3", Map.of("bucket.name", "shared", "aws.access.key", "AK1",
                "aws.secret.key", "SK2"), CSV, 7, 3);
        CompileException e = assertThrows(CompileException.class,
                () -> S3Connectors.fileSystemConfiguration(List.of(in, out)));
        assertEquals("7:3: the s3 connector of stream 'Out' gives bucket 'shared' another aws.secret.key than an "
                + "earlier s3 connector does", e.getMessage());
    }
}
