package org.siddhiql.job;

import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.runtime.event.Event;

/**
 * The main class of the job jar: compiles a SiddhiQL app with {@code @source}s and runs it as a checkpointed job on
 * the cluster of the environment it is started in, which is how {@code flink run} starts it:
 *
 * <pre>flink run [-p 4] [-s SAVEPOINT] siddhi-job-VERSION-job.jar --app app.siddhi [--checkpoint-interval 10s]
 *     [--checkpoint-dir s3://bucket/ckpt]</pre>
 *
 * <p>{@code bin/siddhi submit} builds the same job through {@link #build} and ships this jar with it. Output streams
 * without a {@code @sink} are not written: a cluster job has no terminal.
 */
public final class SiddhiJob {
    private SiddhiJob() {
    }

    public static void main(String[] args) throws Exception {
        JobArguments arguments = JobArguments.parse(args);
        AppPlan plan;
        try {
            plan = new AppCompiler().compile(arguments.appText());
        } catch (CompileException e) {
            throw new IllegalArgumentException(e.format(arguments.appName()), e);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Checkpointing.configuration(arguments.checkpointInterval(), arguments.checkpointDir()));
        build(env, plan);
        env.execute(plan.name());
    }

    /**
     * Adds the app's sources, queries and sinks to {@code env}, at the environment's parallelism.
     *
     * @return the events of the app's streams, by name, for a caller to write the streams that have no {@code @sink}
     */
    public static Map<String, DataStream<Event>> build(StreamExecutionEnvironment env, AppPlan plan) {
        env.getConfig().disableGenericTypes(); // a Kryo fallback anywhere in the job is a bug
        return ConnectedApp.addTo(env, plan, env.getParallelism());
    }
}
