package org.siddhiql.connectors.http;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.HttpOptions;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.json.JsonEventReader;
import org.siddhiql.connectors.json.JsonEventWriter;

/**
 * {@code @source/@sink(type='http')} with siddhi-io-http's option names ({@link HttpOptions}) and the JSON mapping:
 * {@link HttpSource} and {@link HttpSink}. The mapping is chosen here, in {@link #decoder} and {@link #encoder}, and
 * nowhere else in the package.
 */
public final class HttpConnectors {
    private static final int DEFAULT_MAX_RETRIES = 5;
    private static final long DEFAULT_RETRY_INTERVAL_MS = 500;
    private static final long DEFAULT_MAX_RETRY_INTERVAL_MS = 10_000;

    private HttpConnectors() {
    }

    /**
     * @param faultStreamIndex the index of the stream's fault stream {@code !S}, which takes bodies that do not map,
     *     or -1 when it has none (they are answered 400)
     */
    public static HttpSource source(SourceSpec spec, StreamSchema schema, int streamIndex, int faultStreamIndex) {
        boolean auth = "true".equalsIgnoreCase(spec.option("basic.auth.enabled"));
        HttpEndpoint.Settings settings = new HttpEndpoint.Settings(url(spec, "receiver.url"),
                auth ? spec.option("basic.auth.username") : null, auth ? spec.option("basic.auth.password") : null,
                spec.option("https.keystore.file"), spec.option("https.keystore.password"));
        return new HttpSource(settings, decoder(schema, spec), spec.stream(), streamIndex, faultStreamIndex,
                schema.size());
    }

    public static HttpSink sink(SinkSpec spec, StreamSchema schema) {
        String method = spec.option("method");
        String headers = spec.option("headers");
        HttpSink.Settings settings = new HttpSink.Settings(spec.stream(), url(spec, "publisher.url"),
                method == null ? "POST" : method.toUpperCase(Locale.ROOT),
                headers == null ? Map.of() : HttpOptions.headers(headers),
                spec.option("basic.auth.username"), spec.option("basic.auth.password"),
                spec.option("https.truststore.file"), spec.option("https.truststore.password"),
                (int) number(spec, "max.retries", DEFAULT_MAX_RETRIES),
                number(spec, "retry.interval", DEFAULT_RETRY_INTERVAL_MS),
                number(spec, "max.retry.interval", DEFAULT_MAX_RETRY_INTERVAL_MS));
        return new HttpSink(settings, encoder(schema));
    }

    private static EventDecoder decoder(StreamSchema schema, SourceSpec spec) {
        return new JsonEventReader(schema, spec.map())::read;
    }

    private static EventEncoder encoder(StreamSchema schema) {
        return new JsonEventWriter(schema)::write;
    }

    /** The URL, checked here when it came from a {@code ${NAME}} reference the compiler could not see through. */
    private static URI url(ConnectorSpec spec, String option) {
        String value = spec.option(option);
        URI url;
        try {
            url = URI.create(value);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || url.getHost() == null || !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
                || url.getUserInfo() != null) {
            throw new CompileException(spec.line(), spec.column(), "option '" + option + "' of the http connector of"
                    + " stream '" + spec.stream() + "' takes an http:// or https:// URL with a host and without"
                    + " credentials");
        }
        return url;
    }

    private static long number(ConnectorSpec spec, String option, long fallback) {
        String value = spec.option(option);
        return value == null ? fallback : Long.parseLong(value);
    }
}
