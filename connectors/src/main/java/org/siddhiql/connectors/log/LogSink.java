package org.siddhiql.connectors.log;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @sink(type='log', prefix='...', priority='INFO')}, as Siddhi's LogSink: each event is logged through SLF4J
 * by the logger {@code org.siddhiql.connectors.log.LogSink} as {@code <prefix> : <record>}, where the prefix defaults
 * to {@code <app name> : <stream>} and the record is the mapper's: with {@code passThrough}, the default,
 * {@code Event{timestamp=..., data=[...], isExpired=false}} as Siddhi prints its events. Priorities are Siddhi's:
 * TRACE, DEBUG, INFO (default), WARN, ERROR, FATAL (logged as ERROR, SLF4J having no FATAL) and OFF. Logs are not
 * transactional: after a failure events replayed since the last checkpoint are logged again. See {@link EventLog}.
 */
public final class LogSink implements Sink<Event> {
    private static final long serialVersionUID = 1L;

    private final EventLog log;

    public LogSink(SinkSpec spec, String appName, SinkMapper mapper) {
        this.log = new EventLog(spec, appName, mapper);
    }

    @Override
    @SuppressWarnings("deprecation") // the abstract method of Flink 1.20's Sink
    public SinkWriter<Event> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Event event, Context context) {
                log.log(event);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
