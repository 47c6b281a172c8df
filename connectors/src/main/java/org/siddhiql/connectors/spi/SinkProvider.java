package org.siddhiql.connectors.spi;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.runtime.event.Event;

/**
 * A {@code @sink} type implemented outside this module, found with {@link java.util.ServiceLoader} (see
 * {@link SourceProvider}). It adds its operators itself: a table sink is a writer-and-committer topology.
 */
public interface SinkProvider {
    /** The {@code type} of the {@code @sink} annotations it implements, in lower case. */
    String type();

    /**
     * Writes {@code events} (the events of {@code spec.stream()}) as {@code spec} asks; its operators' uids start
     * with {@code uid}, which is stable across restarts and unique in the app.
     */
    void addSink(DataStream<Event> events, SinkSpec spec, AppPlan plan, String uid);
}
