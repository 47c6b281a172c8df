package org.siddhiql.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siddhiql.cli.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cluster start|stop}: a Flink session cluster of separate JobManager and TaskManager processes here. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Starts or stops a Flink session cluster on this machine.",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class})
final class ClusterCommand {
    private static final String DEFAULT_DIR = "${sys:java.io.tmpdir}/siddhi-cluster";

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Starts a JobManager and TaskManagers as background processes, prints "
            + "the JobManager's address (HOST:PORT, for submit --jobmanager and flink run -m) and returns.",
            "Configuration, logs, pid files and default checkpoints are in the cluster directory."})
    static final class Start extends CliCommand {
        @Option(names = "--dir", defaultValue = DEFAULT_DIR, paramLabel = "DIR",
                description = "the cluster directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--taskmanagers", defaultValue = "1", paramLabel = "N",
                description = "TaskManager processes (default: ${DEFAULT-VALUE})")
        int taskManagers;

        @Option(names = "--slots", defaultValue = "2", paramLabel = "S",
                description = "task slots per TaskManager (default: ${DEFAULT-VALUE})")
        int slots;

        @Option(names = "-D", paramLabel = "KEY=VALUE", description = {"a Flink setting of the cluster's config.yaml, "
                + "e.g. -Ds3.endpoint=http://127.0.0.1:9000 -Ds3.path.style.access=true -Ds3.access-key=.. "
                + "-Ds3.secret-key=.. for jobs checkpointing to s3://"})
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        int execute() throws Exception {
            if (taskManagers < 1 || slots < 1) {
                throw new UserError("--taskmanagers and --slots must be at least 1");
            }
            if (LocalCluster.isRunning(dir)) {
                throw new UserError("a cluster is already running in " + dir + "; stop it with: bin/siddhi cluster "
                        + "stop --dir " + dir);
            }
            LocalCluster.Builder builder = LocalCluster.builder(dir).taskManagers(taskManagers).slots(slots);
            settings.forEach(builder::set);
            LocalCluster cluster = builder.start();
            cluster.detach();
            out().println(cluster.restAddress());
            err().println("siddhi: cluster running in " + cluster.directory() + ": " + taskManagers + " TaskManager(s) "
                    + "with " + slots + " slot(s) each, web UI http://" + cluster.restAddress()
                    + "; stop it with: bin/siddhi cluster stop --dir " + cluster.directory());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the processes of the cluster in a directory, and their jobs.")
    static final class Stop extends CliCommand {
        @Option(names = "--dir", defaultValue = DEFAULT_DIR, paramLabel = "DIR",
                description = "the cluster directory (default: ${DEFAULT-VALUE})")
        Path dir;

        @Override
        int execute() throws Exception {
            int stopped = LocalCluster.stop(dir);
            if (stopped == 0) {
                throw new UserError("no cluster is running in " + dir);
            }
            err().println("siddhi: stopped " + stopped + " process(es) of the cluster in " + dir);
            return 0;
        }
    }
}
