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
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.RecordMapping;

/**
 * {@code @source/@sink(type='http')} with siddhi-io-http's option names ({@link HttpOptions}): {@link HttpSource} and
 * {@link HttpSink}. A request body is a record of the connector's {@code @map}, as a Kafka record's value is, so the
 * connectors take every mapper of bytes (json, csv, text, keyvalue, avro) and map as every connector does: the source
 * through its stream's {@link RecordMapping}, the sink through {@link Mappers#sink}.
 */
public final class HttpConnectors {
    /**
     * The Content-Type of a body each mapper writes, which an app's own Content-Type header replaces. A keyvalue
     * body is a flat JSON object; avro/binary is what Avro's specification names its HTTP bodies.
     */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "json", "application/json",
            "keyvalue", "application/json",
            "csv", "text/csv; charset=utf-8",
            "text", "text/plain; charset=utf-8",
            "avro", "avro/binary");
    private static final int DEFAULT_MAX_RETRIES = 5;
    private static final long DEFAULT_RETRY_INTERVAL_MS = 500;
    private static final long DEFAULT_MAX_RETRY_INTERVAL_MS = 10_000;

    private HttpConnectors() {
    }

    /**
     * @param mapping the bodies' mapping to events of the spec's stream; a body that does not map goes to the
     *     stream's fault stream {@code !S} when it has one, else it is answered 400
     */
    public static HttpSource source(SourceSpec spec, RecordMapping mapping) {
        boolean auth = "true".equalsIgnoreCase(spec.option("basic.auth.enabled"));
        HttpEndpoint.Settings settings = new HttpEndpoint.Settings(url(spec, "receiver.url"),
                auth ? spec.option("basic.auth.username") : null, auth ? spec.option("basic.auth.password") : null,
                spec.option("https.keystore.file"), spec.option("https.keystore.password"));
        return new HttpSource(settings, mapping);
    }

    public static HttpSink sink(SinkSpec spec, StreamSchema schema) {
        String method = spec.option("method");
        String headers = spec.option("headers");
        HttpSink.Settings settings = new HttpSink.Settings(spec.stream(), url(spec, "publisher.url"),
                method == null ? "POST" : method.toUpperCase(Locale.ROOT),
                headers == null ? Map.of() : HttpOptions.headers(headers),
                spec.option("basic.auth.username"), spec.option("basic.auth.password"),
                CONTENT_TYPES.get(spec.map().type()),
                spec.option("https.truststore.file"), spec.option("https.truststore.password"),
                (int) number(spec, "max.retries", DEFAULT_MAX_RETRIES),
                number(spec, "retry.interval", DEFAULT_RETRY_INTERVAL_MS),
                number(spec, "max.retry.interval", DEFAULT_MAX_RETRY_INTERVAL_MS));
        return new HttpSink(settings, Mappers.sink(spec, schema));
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
