package org.siddhiql.lakehouse.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.runtime.event.Event;

/** Runs apps whose input is a table source on the test's MiniCluster and collects an output stream. */
final class AppRuns {
    private AppRuns() {
    }

    /** {@code key='value', ...} for an annotation. */
    static String options(Map<String, String> options) {
        return options.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining(", "));
    }

    /** The events of {@code stream}, as the job emits them; the caller closes it (which cancels the job). */
    static CloseableIterator<Event> start(String app, String stream) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        return ConnectedApp.addTo(env, new AppCompiler().compile(app), 1).get(stream).executeAndCollect();
    }

    /** The rows of {@code stream} once the app's bounded sources are read: each event's data. */
    static List<List<Object>> run(String app, String stream) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<Event> events = start(app, stream)) {
            events.forEachRemaining(event -> rows.add(List.of(event.data())));
        }
        return rows;
    }
}
