package org.siddhiql.connectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * An HTTP(S) server on 127.0.0.1 and a free port that answers each request with the status {@code statusOfAttempt}
 * gives its number (0, 1, 2, ...) and records the requests it answered 2xx.
 */
final class RecordingServer implements AutoCloseable {
    /** A request as received: method, path, the headers the test looks at, and the body. */
    record Request(String method, String path, String authorization, String team, String contentType, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Request> accepted = new LinkedBlockingQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();

    RecordingServer(SSLContext tls, IntUnaryOperator statusOfAttempt) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
                int status = statusOfAttempt.applyAsInt(attempts.getAndIncrement());
                if (status / 100 == 2) {
                    accepted.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("X-Team"),
                            exchange.getRequestHeaders().getFirst("Content-Type"), body));
                    exchange.sendResponseHeaders(status, -1);
                } else {
                    byte[] answer = "down for maintenance".getBytes(UTF_8);
                    exchange.sendResponseHeaders(status, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            }
        });
        server.start();
    }

    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort()
                + path;
    }

    /** The first {@code count} accepted requests, waiting for them up to {@code timeout}. */
    List<Request> take(int count, Duration timeout) throws InterruptedException {
        List<Request> requests = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            Request request = accepted.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw new AssertionError("only " + requests.size() + " of " + count + " requests arrived: "
                        + requests);
            }
            requests.add(request);
        }
        return requests;
    }

    /** Requests accepted beyond those taken. */
    List<Request> surplus() {
        return new ArrayList<>(accepted);
    }

    int attempts() {
        return attempts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
