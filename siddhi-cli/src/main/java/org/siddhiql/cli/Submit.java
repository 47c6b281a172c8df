package org.siddhiql.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.job.Checkpointing;
import org.siddhiql.job.SiddhiJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code submit}: compiles an app here and runs it on a session cluster, as the job jar's {@link SiddhiJob} would
 * under {@code flink run}: the job graph is built in this JVM and submitted with the job jar, from which the
 * TaskManagers load the app's code. The job checkpoints as every live app does ({@link Checkpointing}).
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Runs an app with @source annotations on a Flink session cluster and "
        + "prints its job id.", "Without --detached, waits for the job to end."})
final class Submit extends SiddhiCli.AppCommand {
    /** The system property naming the job jar, {@code siddhi-job/target/siddhi-job-VERSION-job.jar}. */
    static final String JOB_JAR_PROPERTY = "siddhi.job.jar";

    @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT",
            description = "the JobManager's REST address, as cluster start prints it")
    String jobManager;

    @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = SiddhiCli.DurationConverter.class,
            description = "time between checkpoints, e.g. 500ms, 10s, 1min (default: 10s)")
    Duration checkpointInterval = Checkpointing.DEFAULT_INTERVAL;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = {"where checkpoints go, a local path or a "
            + "URI such as s3://bucket/ckpt (default: the cluster's execution.checkpointing.dir)"})
    String checkpointDir;

    @Option(names = "--from-savepoint", paramLabel = "PATH",
            description = "start from a savepoint, as stop prints it, or a retained checkpoint (.../chk-<n>)")
    String fromSavepoint;

    @Option(names = "--allow-non-restored-state", description = {"with --from-savepoint: drop the state of "
            + "queries the edited app no longer has, instead of failing"})
    boolean allowNonRestoredState;

    @Option(names = "--detached", description = "return once the job is submitted")
    boolean detached;

    @Override
    int execute(AppPlan plan) throws Exception {
        if (plan.sources().isEmpty()) {
            throw new UserError(app + ": submit needs an app with @source annotations; a cluster job has no other "
                    + "input");
        }
        if (parallelism < 1) {
            throw new UserError("--parallelism must be at least 1");
        }
        if (checkpointInterval.toMillis() < 10) {
            throw new UserError("--checkpoint-interval must be at least 10ms");
        }
        Path jobJar = jobJar();
        Configuration config;
        try (JobManagerClient client = JobManagerClient.connect(jobManager)) {
            config = client.configuration();
        }
        config.addAll(Checkpointing.configuration(checkpointInterval,
                checkpointDir == null ? null : SiddhiCli.Run.location(checkpointDir)));
        if (fromSavepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH,
                    SiddhiCli.Run.existing(SiddhiCli.Run.location(fromSavepoint)).toString());
            // also read by the tasks (QueryRoster), which fail on a removed query's state unless it is set
            config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        }
        if (!ConnectedApp.fileSystemConfiguration(plan).keySet().isEmpty()) {
            // Flink configures file systems once per TaskManager process: a job cannot bring its own S3 endpoint
            spec.commandLine().getErr().println("siddhi: the s3 connectors' endpoint and credentials must be in the "
                    + "cluster's configuration (s3.bucket.<bucket>.*); the job cannot set them");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                config.get(RestOptions.ADDRESS), config.get(RestOptions.PORT), config, jobJar.toString());
        env.setParallelism(parallelism);
        SiddhiJob.build(env, plan);
        JobClient job = env.executeAsync(plan.name());
        out().println(job.getJobID());
        out().flush();
        Set<String> unwritten = new TreeSet<>(plan.outputStreams());
        plan.sinks().stream().map(SinkSpec::stream).forEach(unwritten::remove);
        if (!unwritten.isEmpty()) {
            spec.commandLine().getErr().println("siddhi: on a cluster, output streams without @sink are not written: "
                    + String.join(", ", unwritten));
        }
        if (!detached) {
            job.getJobExecutionResult().get();
            spec.commandLine().getErr().println("siddhi: job " + job.getJobID() + " finished");
        }
        return 0;
    }

    private static Path jobJar() {
        String jar = System.getProperty(JOB_JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new UserError("the job jar is missing (" + (jar == null ? "-D" + JOB_JAR_PROPERTY + " is not set"
                    : jar) + "); build it with ./mvnw -pl siddhi-cli -am package, as bin/siddhi does");
        }
        return Path.of(jar);
    }
}
