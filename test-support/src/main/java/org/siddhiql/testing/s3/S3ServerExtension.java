package org.siddhiql.testing.s3;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts one {@link S3Server} for a test class and stops it after the class. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final S3ServerExtension S3 = new S3ServerExtension();
 * ... S3.createBucket("checkpoints"); S3.endpoint() ...
 * }</pre>
 *
 * <p>Tests of a class share the server and stay apart by using their own buckets or key prefixes.
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback {
    private S3Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = S3Server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public S3Server server() {
        if (server == null) {
            throw new IllegalStateException("the S3 server runs only while a test class using it runs");
        }
        return server;
    }

    public URI endpoint() {
        return server().endpoint();
    }

    public void createBucket(String bucket) {
        server().createBucket(bucket);
    }

    /** A client of the server; the caller closes it. */
    public S3Client client() {
        return server().client();
    }

    /** See {@link S3Server#flinkOptions()}. */
    public Map<String, String> flinkOptions() {
        return server().flinkOptions();
    }
}
