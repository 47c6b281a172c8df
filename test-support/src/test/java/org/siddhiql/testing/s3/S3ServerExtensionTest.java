package org.siddhiql.testing.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ServerExtensionTest {
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @Test
    void anObjectPutIsListedAndReadBack() {
        S3.createBucket("greetings");
        try (S3Client client = S3.client()) {
            client.putObject(request -> request.bucket("greetings").key("a/hello.txt"),
                    RequestBody.fromString("hello", UTF_8));
            client.putObject(request -> request.bucket("greetings").key("b/bye.txt"),
                    RequestBody.fromString("bye", UTF_8));

            List<String> keys = client.listObjectsV2(request -> request.bucket("greetings").prefix("a/"))
                    .contents().stream().map(S3Object::key).toList();
            String text = client.getObjectAsBytes(request -> request.bucket("greetings").key("a/hello.txt"))
                    .asString(UTF_8);

            assertEquals(List.of("a/hello.txt"), keys);
            assertEquals("hello", text);
        }
    }

    /**
     * The requests whose XML bodies s3proxy parses with its Jackson 3, which was built against jackson-annotations
     * 2.22 while the project has 2.21: the ones Flink's S3 file system sends for large files and for cleanup.
     */
    @Test
    void aMultipartUploadIsCompletedAndDeletedWithOthersInOneRequest() {
        S3.createBucket("parts");
        try (S3Client client = S3.client()) {
            String uploadId = client.createMultipartUpload(request -> request.bucket("parts").key("big"))
                    .uploadId();
            byte[] first = new byte[5 * 1024 * 1024]; // every part but the last has at least 5 MiB
            Arrays.fill(first, (byte) 'a');
            String firstTag = client.uploadPart(request -> request.bucket("parts").key("big").uploadId(uploadId)
                    .partNumber(1), RequestBody.fromBytes(first)).eTag();
            String secondTag = client.uploadPart(request -> request.bucket("parts").key("big").uploadId(uploadId)
                    .partNumber(2), RequestBody.fromString("end", UTF_8)).eTag();
            client.completeMultipartUpload(request -> request.bucket("parts").key("big").uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(
                            CompletedPart.builder().partNumber(1).eTag(firstTag).build(),
                            CompletedPart.builder().partNumber(2).eTag(secondTag).build())));
            client.putObject(request -> request.bucket("parts").key("small"), RequestBody.fromString("s", UTF_8));

            long size = client.headObject(request -> request.bucket("parts").key("big")).contentLength();
            client.deleteObjects(request -> request.bucket("parts").delete(delete -> delete.objects(
                    ObjectIdentifier.builder().key("big").build(), ObjectIdentifier.builder().key("small").build())));

            assertEquals(first.length + 3, size);
            assertEquals(List.of(), client.listObjectsV2(request -> request.bucket("parts")).contents());
        }
    }

    @Test
    void aClientWithWrongCredentialsIsRefused() {
        S3.createBucket("guarded");
        try (S3Client stranger = S3Client.builder()
                .endpointOverride(S3.endpoint())
                .region(S3Server.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3Server.ACCESS_KEY, "not-the-secret")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> stranger.listObjectsV2(request -> request.bucket("guarded")));
            assertEquals(403, refused.statusCode());
        }
    }
}
