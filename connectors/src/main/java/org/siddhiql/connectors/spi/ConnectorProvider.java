package org.siddhiql.connectors.spi;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Connectors implemented outside this module, found with {@link java.util.ServiceLoader}: the lakehouse's table
 * formats, which bring Iceberg, Hadoop and Delta Kernel that an app without them should not have to carry.
 *
 * <p>Unlike the built-in connectors, a provider adds operators itself rather than returning one {@code Source} or
 * {@code Sink}, because table sinks are writer-and-committer topologies, not single operators.
 */
public interface ConnectorProvider {
    /** The {@code type} of the {@code @source}/{@code @sink} annotations it implements, in lower case. */
    String type();

    /**
     * Adds a source for {@code spec} to {@code env}: it emits the stream's events tagged with {@code streamIndex},
     * and its operators' uids start with {@code uid}.
     */
    DataStream<TaggedEvent> addSource(StreamExecutionEnvironment env, SourceSpec spec, AppPlan plan,
            int streamIndex, TaggedEventTypeInfo type, String uid);

    /**
     * Writes {@code events} (the events of {@code spec.stream()}) as {@code spec} asks; its operators' uids start
     * with {@code uid}, which is stable across restarts and unique in the app.
     */
    void addSink(DataStream<Event> events, SinkSpec spec, AppPlan plan, String uid);
}
