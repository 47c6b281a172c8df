package org.siddhiql.connectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTP(S) endpoint on the JDK's own server that takes POSTed bodies: 200 once the {@link Receiver} accepted a body,
 * 400 with the receiver's reason when it did not map, 401 without the configured basic auth credentials, 405 for
 * other methods, 413 above {@value #MAX_BODY_BYTES} bytes, 503 while the endpoint shuts down.
 */
final class HttpEndpoint implements AutoCloseable {
    static final int MAX_BODY_BYTES = 16 << 20;
    private static final int HANDLER_THREADS = 4;

    /** What to listen on and whom to let in; passwords are compared, never logged. */
    record Settings(URI url, String username, String password, String keystoreFile, String keystorePassword)
            implements Serializable {
        boolean authenticates() {
            return username != null;
        }

        @Override
        public String toString() {
            return url + (authenticates() ? " (basic auth as " + username + ")" : "");
        }
    }

    /** Where accepted bodies go. */
    interface Receiver {
        /**
         * Takes the body's events, blocking while the source's queue is full.
         *
         * @return null when the body was accepted, else why it was not (the response to a bad request)
         */
        String receive(byte[] body) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers;

    private HttpEndpoint(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Binds the URL's host and port and serves its path. */
    static HttpEndpoint start(Settings settings, Receiver receiver) throws IOException {
        URI url = settings.url();
        int port = url.getPort() >= 0 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        InetSocketAddress address = new InetSocketAddress(url.getHost(), port);
        HttpServer server;
        if (url.getScheme().equals("https")) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext(settings)));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        server.createContext(path, exchange -> handle(exchange, settings, receiver));
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "siddhi-http-source " + path);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.start();
        return new HttpEndpoint(server, handlers);
    }

    /** The port the endpoint listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        handlers.shutdownNow(); // requests blocked on a full queue answer 503
        server.stop(0);
    }

    private static void handle(HttpExchange exchange, Settings settings, Receiver receiver) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, "only POST is accepted");
                return;
            }
            if (settings.authenticates() && !authorized(exchange.getRequestHeaders().getFirst("Authorization"),
                    settings)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"siddhi\", charset=\"UTF-8\"");
                respond(exchange, 401, "basic authentication failed");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                respond(exchange, 413, "the body exceeds " + MAX_BODY_BYTES + " bytes");
                return;
            }
            String rejection;
            try {
                rejection = receiver.receive(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, "the source is shutting down");
                return;
            }
            respond(exchange, rejection == null ? 200 : 400, rejection == null ? "" : rejection);
        }
    }

    /** Compares in constant time, so the response time does not tell how much of a guess was right. */
    private static boolean authorized(String header, Settings settings) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (settings.username() + ":" + settings.password()).getBytes(UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = message.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static SSLContext sslContext(Settings settings) throws IOException {
        char[] password = settings.keystorePassword().toCharArray();
        try {
            KeyStore keys = KeyStore.getInstance(new File(settings.keystoreFile()), password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            // the message names the file and what is wrong with it, never the password
            throw new IOException("cannot use keystore " + settings.keystoreFile() + ": " + e.getMessage(), e);
        }
    }
}
