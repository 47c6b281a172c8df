package org.siddhiql.lakehouse.delta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.connectors.inmemory.InMemoryBroker;
import org.siddhiql.runtime.event.Event;

/**
 * An app that reads the trades table of {@link KernelCommits} through a {@code @source(type='delta')} and publishes
 * each event on an inMemory topic, where the test collects it as "symbol price volume venue".
 */
final class DeltaApps {
    private DeltaApps() {
    }

    static String app(String topic, String sourceOptions) {
        return "@app:name('DeltaTrades')\n"
                + "@source(type='delta', " + sourceOptions + ")\n"
                + "define stream Trades (venue string, symbol string, volume long, price double);\n"
                + "@sink(type='inMemory', topic='" + topic + "', @map(type='passThrough'))\n"
                + "define stream Out (symbol string, price double, volume long, venue string);\n"
                + "from Trades select symbol, price, volume, venue insert into Out;\n";
    }

    /** Jobs reading S3 one after the other share the JVM's Hadoop file systems: see {@link DeltaSourceReader}. */
    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2).build());
    }

    static StreamExecutionEnvironment environment(Configuration config) {
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        return env;
    }

    /** Runs the bounded {@link #app} to its end and returns its events, sorted. */
    static List<String> runBatch(String topic, String sourceOptions) throws Exception {
        return run(topic, app(topic, sourceOptions));
    }

    /** Runs a bounded app publishing on {@code topic} to its end and returns the events, sorted. */
    static List<String> run(String topic, String app) throws Exception {
        Collector out = new Collector(topic);
        try (out) {
            StreamExecutionEnvironment env = environment(new Configuration());
            ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
            env.execute("DeltaTrades");
        }
        return out.sorted();
    }

    /** The events published on a topic while it is open. */
    static final class Collector implements AutoCloseable {
        private final List<String> events = new ArrayList<>();
        private final InMemoryBroker.Subscription subscription;

        Collector(String topic) {
            subscription = InMemoryBroker.subscribe(topic, message -> {
                synchronized (events) {
                    events.add(Arrays.stream(((Event) message).data()).map(String::valueOf)
                            .collect(Collectors.joining(" ")));
                }
            });
        }

        List<String> sorted() {
            synchronized (events) {
                return events.stream().sorted().collect(Collectors.toList());
            }
        }

        int size() {
            synchronized (events) {
                return events.size();
            }
        }

        @Override
        public void close() {
            subscription.close();
        }
    }
}
