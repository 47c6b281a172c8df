package org.siddhiql.connectors.spi;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;

/**
 * A {@code @source} type implemented outside this module, found with {@link java.util.ServiceLoader}: the lakehouse's
 * table formats, which bring Iceberg, Hadoop and Delta Kernel that an app without them should not have to carry.
 * Unlike a built-in connector it adds its operators itself, as a table scan may take more than one.
 */
public interface SourceProvider {
    /** The {@code type} of the {@code @source} annotations it implements, in lower case. */
    String type();

    /**
     * Adds a source for {@code spec} to {@code env}: it emits the stream's events tagged with {@code streamIndex},
     * and its operators' uids start with {@code uid}.
     */
    DataStream<TaggedEvent> addSource(StreamExecutionEnvironment env, SourceSpec spec, AppPlan plan,
            int streamIndex, TaggedEventTypeInfo type, String uid);
}
