package org.siddhiql.lakehouse.delta;

import java.time.Instant;
import java.util.HashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.spi.SourceProvider;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;

/**
 * {@code @source(type='delta', path='...', version.as.of='3' | timestamp.as.of='2026-11-27T10:15:30Z',
 * mode='streaming'|'batch', monitor.interval='10000', ...S3 options)}: see {@link DeltaSource}. The mode is
 * {@code streaming} unless given; {@code monitor.interval} is in milliseconds, 10 s unless given. The compiler has
 * checked the values.
 */
public final class DeltaSourceProvider implements SourceProvider {
    static final long DEFAULT_MONITOR_INTERVAL_MILLIS = 10_000;
    @Override
    public String type() {
        return "delta";
    }

    @Override
    public DataStream<TaggedEvent> addSource(StreamExecutionEnvironment env, SourceSpec spec, AppPlan plan,
            int streamIndex, TaggedEventTypeInfo type, String uid) {
        return env.fromSource(new DeltaSource(settings(spec, plan, streamIndex)), WatermarkStrategy.noWatermarks(),
                        "delta source " + spec.stream(), type)
                .setParallelism(1)
                .uid(uid);
    }

    static DeltaSource.Settings settings(SourceSpec spec, AppPlan plan, int streamIndex) {
        HashMap<String, String> storage = DeltaEngines.storageOptions(spec.resolvedOptions());
        String version = spec.option("version.as.of");
        String timestamp = spec.option("timestamp.as.of");
        String interval = spec.option("monitor.interval");
        return new DeltaSource.Settings(spec.option("path"), storage,
                version == null ? null : Long.valueOf(version),
                timestamp == null ? null : Instant.parse(timestamp),
                "batch".equalsIgnoreCase(spec.option("mode")),
                interval == null ? DEFAULT_MONITOR_INTERVAL_MILLIS : Long.parseLong(interval),
                plan.stream(spec.stream()), streamIndex);
    }
}
