package org.siddhiql.connectors.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * Sends each event as one request and waits for its answer before taking the next, so every event written before a
 * checkpoint barrier has been answered 2xx when the checkpoint is taken: at least once (events after the last
 * checkpoint are sent again after a restore). A failed attempt (an I/O error, a 5xx, 408 or 429) is retried after a
 * wait that doubles from {@code retry.interval} up to {@code max.retry.interval}, {@code max.retries} times; any other
 * answer, or the last failed attempt, fails the job with the status and the start of the answer's body.
 */
final class HttpSinkWriter implements SinkWriter<Event> {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int QUOTED_BODY_CHARS = 200;

    private final HttpSink.Settings settings;
    private final SinkMapper mapper;
    private final HttpClient client;
    private final String authorization; // null without basic auth

    HttpSinkWriter(HttpSink.Settings settings, SinkMapper mapper, HttpClient client) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = client;
        this.authorization = settings.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(Event event, Context context) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", settings.contentType())
                .method(settings.method(), HttpRequest.BodyPublishers.ofByteArray(mapper.toBytes(event)));
        settings.headers().forEach(request::setHeader); // a Content-Type of the app's replaces ours
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        send(request.build());
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        long wait = settings.retryInterval();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = null;
            String failure = null;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failure = "failed: " + e;
            }
            if (response != null) {
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return;
                }
                failure = "answered " + status + quote(response.body());
                if (!retriable(status)) {
                    throw new IOException(describe() + " " + failure + " (not retried)");
                }
            }
            if (attempt > settings.maxRetries()) {
                throw new IOException(describe() + " " + failure + ", after " + attempt + " attempt"
                        + (attempt > 1 ? "s" : ""));
            }
            Thread.sleep(wait);
            wait = Math.min(2 * wait, settings.maxRetryInterval());
        }
    }

    /** Server-side and throttling failures may pass; a client error (400, 401, 404, ...) will not. */
    private static boolean retriable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** The method and the URL without its query, which may hold a token. */
    private String describe() {
        URI url = settings.url();
        return "http sink of stream '" + settings.stream() + "': " + settings.method() + " " + url.getScheme()
                + "://" + url.getAuthority() + url.getPath();
    }

    private static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > QUOTED_BODY_CHARS ? trimmed.substring(0, QUOTED_BODY_CHARS) + "..."
                : trimmed);
    }

    @Override
    public void flush(boolean endOfInput) {
        // every event was answered when write returned
    }

    @Override
    public void close() {
    }
}
