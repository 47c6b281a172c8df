package org.siddhiql.compiler.connector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides which option values are credentials, and how {@code ${NAME}} references in option
 * values are resolved.
 *
 * <p>An option is a credential when a word of its name (split at {@code .}, {@code -} and {@code _}) is {@code key},
 * {@code token}, {@code jaas}, {@code credentials}, {@code authorization} or {@code cookie}, or contains
 * {@code password} or {@code secret}: so {@code aws.secret.key}, {@code basic.auth.password},
 * {@code sasl.jaas.config} and {@code ssl.keystore.password} are, {@code https.keystore.file} and
 * {@code bucket.name} are not. Inside Kafka's {@code optional.configuration} each {@code key:value} pair is judged by
 * its key, and so is each header of an HTTP sink's {@code headers}. Descriptions of connectors ({@code toString},
 * {@code explain}, logs) show credentials as {@value #MASK}, unless the value is only a {@code ${NAME}} reference,
 * which names a secret without revealing it.
 *
 * <p>As in Siddhi, {@code ${NAME}} in an option value is replaced by the system property {@code NAME}, or else the
 * environment variable {@code NAME}, when the connector is built, so a credential need not be written into the app.
 */
public final class SecretOptions {
    public static final String MASK = "******";

    private static final Set<String> SECRET_WORDS = Set.of("key", "token", "jaas", "credentials", "authorization",
            "cookie");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** Options whose values are lists of pairs, each judged by its own name. */
    private static final Set<String> PAIRS_OPTIONS = Set.of("optional.configuration", "headers");

    private SecretOptions() {
    }

    /** Whether the option's value is a credential, by the option's name. */
    public static boolean isSecret(String option) {
        for (String word : option.toLowerCase(Locale.ROOT).split("[._-]")) {
            if (SECRET_WORDS.contains(word) || word.contains("password") || word.contains("secret")) {
                return true;
            }
        }
        return false;
    }

    /** The value as a description may show it. */
    public static String shown(String option, String value) {
        if (PAIRS_OPTIONS.contains(option)) {
            return Arrays.stream(value.split(","))
                    .map(SecretOptions::shownPair)
                    .collect(Collectors.joining(","));
        }
        return isSecret(option) && !isReference(value) ? MASK : value;
    }

    /** The options as a description may show them, in their order. */
    public static Map<String, String> shown(Map<String, String> options) {
        Map<String, String> shown = new LinkedHashMap<>();
        options.forEach((option, value) -> shown.put(option, shown(option, value)));
        return shown;
    }

    /** A {@code key:value} pair of Kafka's properties, or a {@code 'name:value'} item of HTTP headers. */
    private static String shownPair(String pair) {
        String trimmed = pair.trim();
        boolean quoted = trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'");
        String item = quoted ? trimmed.substring(1, trimmed.length() - 1) : pair;
        int colon = item.indexOf(':');
        if (colon <= 0) {
            return MASK; // not a pair, so no name to judge it by
        }
        String key = item.substring(0, colon);
        String value = item.substring(colon + 1);
        String shown = key + ":" + (isSecret(key.trim()) && !isReference(value.trim()) ? MASK : value);
        return quoted ? "'" + shown + "'" : shown;
    }

    private static boolean isReference(String value) {
        return REFERENCE.matcher(value).matches();
    }

    /**
     * The value with each {@code ${NAME}} replaced by {@code lookup.apply(NAME)}.
     *
     * @throws IllegalArgumentException naming the first reference the lookup does not know
     */
    public static String resolve(String value, UnaryOperator<String> lookup) {
        if (value == null || value.indexOf("${") < 0) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = lookup.apply(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("${" + matcher.group(1)
                        + "} names neither a system property nor an environment variable");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** Siddhi's lookup: a system property, else an environment variable. */
    public static String systemPropertyOrEnvironment(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }
}
