package org.siddhiql.connectors.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.runtime.event.Event;

class LogSinkTest {
    private static final StreamSchema QUOTES = new StreamSchema("Quotes", List.of("symbol", "price"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE));

    /** Collects what the log sink's logger logs, as {@code LEVEL message}. */
    private static final class Collecting extends AbstractAppender {
        final List<String> lines = new ArrayList<>();

        Collecting() {
            super("collecting", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }

    private final Logger logger = (Logger) LogManager.getLogger(LogSink.class);
    private final Collecting appender = new Collecting();
    private Level level;

    @BeforeEach
    void collect() {
        appender.start();
        logger.addAppender(appender);
        level = logger.getLevel();
        logger.setLevel(Level.ALL);
    }

    @AfterEach
    void stopCollecting() {
        logger.removeAppender(appender);
        logger.setLevel(level);
        appender.stop();
    }

    @SuppressWarnings("deprecation")
    private List<String> log(Map<String, String> options, MapSpec map, Event... events) throws Exception {
        SinkSpec spec = new SinkSpec("Quotes", "log", options, map, 1, 1);
        try (SinkWriter<Event> writer = new LogSink(spec, "Prices", Mappers.sink(spec, QUOTES))
                .createWriter((Sink.InitContext) null)) {
            for (Event event : events) {
                writer.write(event, null);
            }
        }
        return appender.lines;
    }

    @Test
    void logsEachEventAsSiddhiDoesWithTheAppAndStreamAsDefaultPrefix() throws Exception {
        assertEquals(List.of("INFO Prices : Quotes : Event{timestamp=5, data=[IBM, 75.5], isExpired=false}",
                        "INFO Prices : Quotes : Event{timestamp=6, data=[HP, null], isExpired=false}"),
                log(Map.of(), new MapSpec("passthrough", Map.of()), new Event(5, new Object[] {"IBM", 75.5}),
                        new Event(6, new Object[] {"HP", null})));
    }

    @Test
    void logsTheMappersRecordWithTheGivenPrefixAndPriority() throws Exception {
        assertEquals(List.of("DEBUG quotes : {\"event\":{\"symbol\":\"IBM\",\"price\":75.5}}"),
                log(Map.of("prefix", "quotes", "priority", "debug"), new MapSpec("json", Map.of()),
                        new Event(5, new Object[] {"IBM", 75.5})));
    }

    @Test
    void fatalIsLoggedAsErrorAndOffNotAtAll() throws Exception {
        assertEquals(List.of("ERROR q : {s=IBM}"), log(Map.of("prefix", "q", "priority", "FATAL"),
                new MapSpec("keyvalue", Map.of(), Map.of(), null, Map.of("s", "symbol")),
                new Event(5, new Object[] {"IBM", 75.5})));
        appender.lines.clear();
        assertEquals(List.of(), log(Map.of("priority", "OFF"), new MapSpec("passthrough", Map.of()),
                new Event(5, new Object[] {"IBM", 75.5})));
    }
}
