package org.siddhiql.connectors.http;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @sink(type='http')}: each event as one request to {@code publisher.url}, its body written by the sink's
 * mapper (see {@link HttpSinkWriter}).
 */
public final class HttpSink implements Sink<Event> {
    private static final long serialVersionUID = 1L;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Where and how to send; {@code toString} leaves the password out. */
    record Settings(String stream, URI url, String method, Map<String, String> headers, String username,
            String password, String contentType, String truststoreFile, String truststorePassword, int maxRetries, long retryInterval,
            long maxRetryInterval) implements Serializable {
        @Override
        public String toString() {
            return method + " " + url + (username == null ? "" : " (basic auth as " + username + ")");
        }
    }

    private final Settings settings;
    private final SinkMapper mapper;

    HttpSink(Settings settings, SinkMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    @Deprecated
    public SinkWriter<Event> createWriter(InitContext context) throws IOException {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (settings.truststoreFile() != null) {
            client.sslContext(trusting(settings.truststoreFile(), settings.truststorePassword()));
        }
        return new HttpSinkWriter(settings, mapper, client.build());
    }

    /** TLS that trusts the certificates of the trust store, in place of the JDK's. */
    private static SSLContext trusting(String file, String password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance(new File(file), password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use trust store " + file + ": " + e.getMessage(), e);
        }
    }
}
