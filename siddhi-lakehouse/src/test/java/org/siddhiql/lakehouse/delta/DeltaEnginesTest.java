package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class DeltaEnginesTest {
    @Test
    void s3OptionsBecomeS3aSettingsForS3AndS3aPaths() {
        Configuration conf = DeltaEngines.hadoopConfiguration(Map.of("endpoint", "http://127.0.0.1:9000",
                "path.style.access", "true", "aws.access.key", "key", "aws.secret.key", "secret"));
        assertEquals("org.apache.hadoop.fs.s3a.S3AFileSystem", conf.get("fs.s3.impl"));
        assertEquals("org.apache.hadoop.fs.s3a.S3AFileSystem", conf.get("fs.s3a.impl"));
        assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
        assertEquals("false", conf.get("fs.s3a.connection.ssl.enabled"));
        assertEquals("us-east-1", conf.get("fs.s3a.endpoint.region"));
        assertEquals("true", conf.get("fs.s3a.path.style.access"));
        assertEquals("org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                conf.get("fs.s3a.aws.credentials.provider"));
        assertEquals("key", conf.get("fs.s3a.access.key"));
        assertEquals("secret", conf.get("fs.s3a.secret.key"));
    }

    @Test
    void withoutKeysS3aKeepsItsDefaultCredentialChain() {
        Configuration conf = DeltaEngines.hadoopConfiguration(Map.of("aws.region", "eu-west-1"));
        assertEquals("eu-west-1", conf.get("fs.s3a.endpoint.region"));
        assertNull(conf.get("fs.s3a.access.key"));
        assertEquals(new Configuration().get("fs.s3a.aws.credentials.provider"),
                conf.get("fs.s3a.aws.credentials.provider"));
    }
}
