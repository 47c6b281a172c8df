package org.siddhiql.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The few calls of the JobManager's REST API that tell whether a cluster is up and which TaskManagers it has. */
final class ClusterRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ClusterRest(String host, int port) {
        this.base = URI.create("http://" + host + ":" + port + "/");
    }

    /** The response of {@code GET path}, or empty when nothing answers at the address yet (or any more). */
    Optional<JsonNode> get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // nothing listening yet, or a JobManager still starting its endpoint or going down
        }
    }

    /** Whether the JobManager's REST endpoint answers. */
    boolean isUp() throws InterruptedException {
        return get("overview").isPresent();
    }

    /** The ids of the TaskManagers registered (a killed one stays until the JobManager notices it is gone). */
    Set<String> taskManagers() throws InterruptedException {
        Set<String> ids = new HashSet<>();
        get("taskmanagers").ifPresent(body -> body.path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText())));
        return ids;
    }
}
