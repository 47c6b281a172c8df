package org.siddhiql.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * Events typed live on standard input, one JSON line each, for {@code bin/siddhi run APP} without an events file.
 * An event without "ts" gets its arrival time, as in Siddhi. A line that is not an event of the app is reported on
 * standard error with its line number and counted, and the app goes on.
 */
@SuppressWarnings("deprecation") // SourceFunction: the embedded, single-JVM run reads this process's own stdin
final class StdinSource implements SourceFunction<TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final AppPlan plan;
    private volatile boolean running = true;

    StdinSource(AppPlan plan) {
        this.plan = plan;
    }

    @Override
    public void run(SourceContext<TaggedEvent> context) throws IOException {
        List<String> streams = new ArrayList<>(plan.streams().keySet());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long number = 0;
        long rejected = 0;
        String line;
        while (running && (line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                TaggedEvent event = EventFile.parse(line, plan, streams, new EventFile.Location("stdin", number),
                        System.currentTimeMillis());
                synchronized (context.getCheckpointLock()) {
                    context.collect(event);
                }
            } catch (UserError notAnEvent) {
                rejected++;
                System.err.println(notAnEvent.getMessage() + " (skipped)");
            }
        }
        if (rejected > 0) {
            System.err.println("stdin: " + rejected + " of " + number + " lines were not events of the app");
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
