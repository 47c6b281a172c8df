package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The stateful app under test ({@code exactly-once/sensor-audit.siddhi}): readings of ten sensors from one Kafka
 * partition; per 50 readings each sensor's count, sum and peak (a count-based windowed group-by); an alarm reading
 * followed by the same sensor's next one (a pattern without {@code within}); each calm reading joined with its sensor's
 * last alarm, which a table keeps (update or insert). Each output stream goes to its own transactional topic
 * {@code <name>-<output>} and to part files under {@code <files>/<output>}.
 */
final class SensorAudit {
    /** The outputs, SensorStats, AlarmRises and CalmAfterAlarm, by the short name of their topics and directories. */
    static final List<String> OUTPUT_NAMES = List.of("stats", "rises", "calm");

    private SensorAudit() {
    }

    /**
     * The app named {@code name} (which also names its consumer group, its output topics and its Kafka transactions,
     * so two runs with different names are independent), reading {@code input}.
     */
    static String app(String name, String input, String kafka, Path files) {
        return template()
                .replace("${name}", name)
                .replace("${input}", input)
                .replace("${kafka}", kafka)
                .replace("${files}", files.toUri().toString().replaceAll("/$", ""));
    }

    static String topic(String name, String output) {
        return name + "-" + output;
    }

    private static String template() {
        try (InputStream in = SensorAudit.class.getResourceAsStream("/exactly-once/sensor-audit.siddhi")) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
