package org.siddhiql.compiler.connector;

import static org.siddhiql.compiler.connector.ConnectorCompiler.at;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The options of {@code @source/@sink(type='http')}, by siddhi-io-http's names where it has them, and the checks of
 * their values.
 *
 * <p>Source: {@code receiver.url} (http or https, e.g. {@code 'http://0.0.0.0:8280/Stock'}), {@code basic.auth.enabled}
 * with {@code basic.auth.username} and {@code basic.auth.password} (Siddhi checks against its server's user store; here
 * the app names the one user), and {@code https.keystore.file} / {@code https.keystore.password} for an https URL.
 *
 * <p>Sink: {@code publisher.url}, {@code method} ({@code POST} by default, or {@code PUT}, {@code PATCH}),
 * {@code headers} in Siddhi's {@code "'name:value','name:value'"} form, {@code basic.auth.username} and
 * {@code basic.auth.password}, {@code https.truststore.file} / {@code https.truststore.password} to trust a server's
 * certificate beyond the JDK's, and our own retry options: {@code max.retries} (default 5) attempts after the first,
 * waiting {@code retry.interval} ms (default 500) doubled after each until {@code max.retry.interval} ms (default
 * 10000).
 */
public final class HttpOptions {
    static final Set<String> SOURCE_REQUIRED = Set.of("receiver.url");
    static final Set<String> SOURCE_OPTIONAL = Set.of("basic.auth.enabled", "basic.auth.username",
            "basic.auth.password", "https.keystore.file", "https.keystore.password");
    static final Set<String> SINK_REQUIRED = Set.of("publisher.url");
    static final Set<String> SINK_OPTIONAL = Set.of("method", "headers", "basic.auth.username",
            "basic.auth.password", "https.truststore.file", "https.truststore.password", "max.retries",
            "retry.interval", "max.retry.interval");

    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");
    /** Headers of the connection and the framing, which Java's HTTP client refuses to take from a caller. */
    private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private HttpOptions() {
    }

    static void checkSource(Map<String, String> options, Annotation annotation, String what,
            SourcePosition position) {
        URI url = url(options, "receiver.url", annotation, what, position);
        boolean auth = "true".equalsIgnoreCase(options.get("basic.auth.enabled"));
        for (Element element : annotation.getElements()) {
            if (element.getKey().equals("basic.auth.enabled") && !element.getValue().matches("(?i)true|false")) {
                throw new CompileException(at(element, position), what + " has basic.auth.enabled '"
                        + element.getValue() + "': it takes 'true' or 'false'");
            }
        }
        boolean credentials = options.containsKey("basic.auth.username") || options.containsKey("basic.auth.password");
        if (auth && !(options.containsKey("basic.auth.username") && options.containsKey("basic.auth.password"))) {
            throw new CompileException(position, what + " has basic.auth.enabled='true' and so needs"
                    + " 'basic.auth.username' and 'basic.auth.password'");
        }
        if (credentials && !auth) {
            throw new CompileException(position, what + " names basic auth credentials but does not set"
                    + " basic.auth.enabled='true'");
        }
        boolean keystore = options.containsKey("https.keystore.file") || options.containsKey("https.keystore.password");
        boolean https = url == null ? keystore : url.getScheme().equals("https");
        if (https && !(options.containsKey("https.keystore.file") && options.containsKey("https.keystore.password"))) {
            throw new CompileException(position, what + " receives on https and so needs 'https.keystore.file' and"
                    + " 'https.keystore.password' (its certificate and key)");
        }
        if (keystore && !https) {
            throw new CompileException(position, what + " has a keystore but receives on http: use an https URL");
        }
    }

    static void checkSink(Map<String, String> options, Annotation annotation, String what, SourcePosition position) {
        url(options, "publisher.url", annotation, what, position);
        if (options.containsKey("basic.auth.username") != options.containsKey("basic.auth.password")) {
            throw new CompileException(position, what + " needs both 'basic.auth.username' and"
                    + " 'basic.auth.password', or neither");
        }
        if (options.containsKey("https.truststore.file") != options.containsKey("https.truststore.password")) {
            throw new CompileException(position, what + " needs both 'https.truststore.file' and"
                    + " 'https.truststore.password', or neither");
        }
        for (Element element : annotation.getElements()) {
            SourcePosition at = at(element, position);
            String value = element.getValue();
            switch (element.getKey()) {
                case "method":
                    if (!METHODS.contains(value.toUpperCase(Locale.ROOT))) {
                        throw new CompileException(at, what + " has method '" + value + "': it takes 'PATCH',"
                                + " 'POST' or 'PUT' (the event is the request's body)");
                    }
                    break;
                case "headers":
                    Map<String, String> headers;
                    try {
                        headers = headers(value);
                    } catch (IllegalArgumentException e) {
                        throw new CompileException(at, what + " has headers " + e.getMessage());
                    }
                    for (String name : headers.keySet()) {
                        if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                            throw new CompileException(at, what + " has header '" + name + "', which the HTTP client"
                                    + " sets itself");
                        }
                    }
                    break;
                case "max.retries":
                    checkNumber(value, "[0-9]{1,4}", "a number of retries from 0 to 9999", element, at, what);
                    break;
                case "retry.interval":
                case "max.retry.interval":
                    checkNumber(value, "[1-9][0-9]{0,8}", "a positive number of milliseconds", element, at, what);
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * Siddhi's {@code headers} value: {@code 'name:value'} items separated by commas, each quoted with single
     * quotes (written inside the double-quoted option value).
     *
     * @throws IllegalArgumentException naming the item that is not a {@code name:value} pair
     */
    public static Map<String, String> headers(String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            String trimmed = item.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("item '" + trimmed + "': it takes \"'name:value',...\"");
            }
            headers.put(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1).trim());
        }
        return headers;
    }

    private static URI url(Map<String, String> options, String option, Annotation annotation, String what,
            SourcePosition position) {
        SourcePosition at = position;
        for (Element element : annotation.getElements()) {
            if (element.getKey().equals(option)) {
                at = at(element, position);
            }
        }
        String value = options.get(option);
        if (value.contains("${")) {
            return null; // known only when the connector is built
        }
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new CompileException(at, what + " has " + option + " '" + value + "', which is not a URL: "
                    + e.getReason());
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new CompileException(at, what + " has " + option + " '" + value
                    + "': it takes an http:// or https:// URL with a host");
        }
        if (url.getUserInfo() != null) {
            throw new CompileException(at, what + " has credentials in " + option
                    + ": give them as basic.auth.username and basic.auth.password, which are never shown");
        }
        return url;
    }

    private static void checkNumber(String value, String pattern, String expected, Element element,
            SourcePosition at, String what) {
        if (!value.matches(pattern)) {
            throw new CompileException(at, what + " has " + element.getKey() + " '" + value + "': it takes "
                    + expected);
        }
    }
}
