package org.siddhiql.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.apache.flink.runtime.client.JobStatusMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list}, {@code cancel} and {@code stop}: the jobs of a session cluster, as Flink's own CLI manages them. */
final class JobCommands {
    private JobCommands() {
    }

    /** The options every job command shares. */
    abstract static class JobManagerCommand extends CliCommand {
        @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT",
                description = "the JobManager's REST address, as cluster start prints it")
        String jobManager;

        @Override
        final int execute() throws Exception {
            try (JobManagerClient client = JobManagerClient.connect(jobManager)) {
                return execute(client);
            }
        }

        abstract int execute(JobManagerClient client) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the jobs of a cluster, newest first: id, state, name.")
    static final class List extends JobManagerCommand {
        @Override
        int execute(JobManagerClient client) throws InterruptedException {
            client.jobs().stream()
                    .sorted(Comparator.comparingLong(JobStatusMessage::getStartTime).reversed())
                    .forEach(job -> out().println(job.getJobId() + "\t" + job.getJobState() + "\t" + job.getJobName()));
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancels a job; its retained checkpoints stay for --from-savepoint.")
    static final class Cancel extends JobManagerCommand {
        @Parameters(index = "0", paramLabel = "JOBID", description = "the job id, as submit and list print it")
        String jobId;

        @Override
        int execute(JobManagerClient client) throws InterruptedException {
            JobStatusMessage job = client.job(jobId);
            if (job.getJobState().isGloballyTerminalState()) {
                throw new UserError("job " + jobId + " is already " + job.getJobState());
            }
            client.cancel(job.getJobId());
            err().println("siddhi: cancelled " + jobId + " (" + job.getJobName() + ")");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = {"Stops a job with a savepoint and prints the savepoint's path, for "
            + "submit --from-savepoint."})
    static final class Stop extends JobManagerCommand {
        @Parameters(index = "0", paramLabel = "JOBID", description = "the job id, as submit and list print it")
        String jobId;

        @Option(names = "--savepoint", required = true, paramLabel = "DIR",
                description = "where the savepoint goes: a local directory or a URI such as s3://bucket/savepoints")
        String savepoint;

        @Override
        int execute(JobManagerClient client) throws Exception {
            JobStatusMessage job = client.job(jobId);
            if (job.getJobState().isGloballyTerminalState()) {
                throw new UserError("job " + jobId + " is already " + job.getJobState() + ": nothing to stop");
            }
            URI directory = SiddhiCli.Run.location(savepoint);
            if ("file".equals(directory.getScheme())) {
                Files.createDirectories(Path.of(directory));
            }
            out().println(client.stopWithSavepoint(job.getJobId(), directory.toString()));
            return 0;
        }
    }
}
