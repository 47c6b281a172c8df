package org.siddhiql.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A job's state as the JobManager's REST API reports it: {@code GET /jobs/<id>}. */
final class JobStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI job;

    JobStatus(String restAddress, String jobId) {
        this.job = URI.create("http://" + restAddress + "/jobs/" + jobId);
    }

    /**
     * Whether the job and every one of its tasks run: after a failover the job is RUNNING again at once, its tasks only
     * once a TaskManager has taken them and they restored their state.
     */
    boolean allTasksRunning() throws IOException, InterruptedException {
        JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(job).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        if (!"RUNNING".equals(status.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : status.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until the JobManager has noticed a lost TaskManager (the job leaves RUNNING) and then every task runs
     * again on another; returns when, as {@link System#nanoTime()}.
     */
    long awaitRunningAgain(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (allTasksRunning()) {
            assertTrue(System.nanoTime() < deadline, "the job did not notice the lost TaskManager");
            Thread.sleep(20);
        }
        while (!allTasksRunning()) {
            assertTrue(System.nanoTime() < deadline, "the job did not run again");
            Thread.sleep(20);
        }
        return System.nanoTime();
    }
}
