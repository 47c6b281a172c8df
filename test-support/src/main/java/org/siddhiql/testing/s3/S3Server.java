package org.siddhiql.testing.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.siddhiql.testing.TempDirs;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 endpoint, s3proxy, in this JVM on 127.0.0.1 on a free port, storing objects as files in a temporary
 * directory that {@link #close()} deletes. It checks AWS signatures (V2 or V4) against fixed test credentials, so a
 * client with wrong or no credentials fails as it would against S3. Buckets are addressed path-style
 * ({@code http://127.0.0.1:PORT/bucket/key}): there is no DNS for virtual-host buckets on 127.0.0.1.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "siddhi-test-access-key";
    public static final String SECRET_KEY = "siddhi-test-secret-key";
    /** Any region signs; clients need one, and s3proxy accepts this one. */
    public static final Region REGION = Region.US_EAST_1;

    private final Path dataDir;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(Path dataDir, S3Proxy proxy) {
        this.dataDir = dataDir;
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Starts a server with no buckets; it binds port 0, so the port is free by construction. */
    public static S3Server start() {
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("s3proxy");
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dataDir.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            awaitStarted(proxy);
            return new S3Server(dataDir, proxy);
        } catch (IOException e) {
            TempDirs.deleteQuietly(dataDir);
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            TempDirs.deleteQuietly(dataDir);
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    /** {@link S3Proxy#start()} returns while Jetty may still be binding; its port is known once it has started. */
    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy is " + proxy.getState() + " after 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Creates an empty bucket. */
    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(bucket));
        }
    }

    /** A client signed with the test credentials, path-style; the caller closes it. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The options Flink's S3 file systems (flink-s3-fs-hadoop, flink-s3-fs-presto) need to reach this server, as
     * keys of a Flink configuration.
     */
    public Map<String, String> flinkOptions() {
        return Map.of(
                "s3.endpoint", endpoint.toString(),
                "s3.path.style.access", "true",
                "s3.access-key", ACCESS_KEY,
                "s3.secret-key", SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        } finally {
            TempDirs.deleteQuietly(dataDir);
        }
    }
}
