package org.siddhiql.connectors.log;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code @sink(type='log', prefix='...', priority='INFO')} logs for an event, on any runtime: {@code <prefix> :
 * <record>} through SLF4J, by the logger {@value #LOGGER}. {@link LogSink} is this as a Flink sink; the Beam backend
 * uses it in a DoFn.
 */
public final class EventLog implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The logger of every log sink, whichever runtime writes it: the one users configure. */
    public static final String LOGGER = "org.siddhiql.connectors.log.LogSink";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String prefix;
    private final String priority;
    private final SinkMapper mapper;

    public EventLog(SinkSpec spec, String appName, SinkMapper mapper) {
        String prefix = spec.option("prefix");
        this.prefix = prefix == null ? appName + " : " + spec.stream() : prefix;
        String priority = spec.option("priority");
        this.priority = priority == null ? "INFO" : priority.toUpperCase(Locale.ROOT);
        this.mapper = mapper;
    }

    public void log(Event event) {
        String message = prefix + " : " + describe(mapper.toObject(event));
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

    private static String describe(Object record) {
        if (record instanceof Event) {
            Event event = (Event) record;
            return "Event{timestamp=" + event.timestamp() + ", data=" + Arrays.toString(event.data())
                    + ", isExpired=false}";
        }
        return String.valueOf(record);
    }
}
