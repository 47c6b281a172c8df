package org.siddhiql.connectors.log;

import java.util.Arrays;
import java.util.Locale;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @sink(type='log', prefix='...', priority='INFO')}, as Siddhi's LogSink: each event is logged through SLF4J
 * by the logger {@code org.siddhiql.connectors.log.LogSink} as {@code <prefix> : <record>}, where the prefix defaults
 * to {@code <app name> : <stream>} and the record is the mapper's: with {@code passThrough}, the default,
 * {@code Event{timestamp=..., data=[...], isExpired=false}} as Siddhi prints its events. Priorities are Siddhi's:
 * TRACE, DEBUG, INFO (default), WARN, ERROR, FATAL (logged as ERROR, SLF4J having no FATAL) and OFF. Logs are not
 * transactional: after a failure events replayed since the last checkpoint are logged again.
 */
public final class LogSink implements Sink<Event> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    private final String prefix;
    private final String priority;
    private final SinkMapper mapper;

    public LogSink(SinkSpec spec, String appName, SinkMapper mapper) {
        String prefix = spec.option("prefix");
        this.prefix = prefix == null ? appName + " : " + spec.stream() : prefix;
        String priority = spec.option("priority");
        this.priority = priority == null ? "INFO" : priority.toUpperCase(Locale.ROOT);
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("deprecation") // the abstract method of Flink 1.20's Sink
    public SinkWriter<Event> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Event event, Context context) {
                log(prefix + " : " + describe(mapper.toObject(event)));
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }

    private static String describe(Object record) {
        if (record instanceof Event) {
            Event event = (Event) record;
            return "Event{timestamp=" + event.timestamp() + ", data=" + Arrays.toString(event.data())
                    + ", isExpired=false}";
        }
        return String.valueOf(record);
    }

    private void log(String message) {
        switch (priority) {
            case "TRACE": LOG.trace(message); break;
            case "DEBUG": LOG.debug(message); break;
            case "INFO": LOG.info(message); break;
            case "WARN": LOG.warn(message); break;
            case "ERROR":
            case "FATAL": LOG.error(message); break;
            default: break; // OFF
        }
    }
}
