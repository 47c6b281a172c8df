package org.siddhiql.cli.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The configuration of a local session cluster, as the {@code config.yaml} in its {@code conf/} directory that Flink
 * 1.20 reads (it prefers {@code config.yaml} to the legacy {@code flink-conf.yaml}).
 *
 * <p>Everything binds 127.0.0.1 on ports chosen free. Memory fits a small machine (a 512 MB JobManager, 1 GB
 * TaskManagers), restarts are fixed-delay so a job survives a killed TaskManager once another registers, and jobs
 * keep their state in RocksDB with incremental checkpoints unless they say otherwise.
 */
final class ClusterConfig {
    static final String HOST = "127.0.0.1";
    static final String CONFIG_FILE = "config.yaml";
    static final String LOG_CONFIG_FILE = "log4j.properties";

    private final Configuration config = new Configuration();

    private ClusterConfig() {
    }

    /** The defaults for a cluster in {@code dir}, with fresh free ports. */
    static ClusterConfig defaults(Path dir, int slots) throws IOException {
        ClusterConfig cluster = new ClusterConfig();
        Configuration c = cluster.config;
        c.set(JobManagerOptions.ADDRESS, HOST);
        c.set(JobManagerOptions.BIND_HOST, HOST);
        c.set(JobManagerOptions.PORT, freePort());
        c.set(RestOptions.ADDRESS, HOST);
        c.set(RestOptions.BIND_ADDRESS, HOST);
        c.set(RestOptions.PORT, freePort());
        c.set(TaskManagerOptions.HOST, HOST);
        c.set(TaskManagerOptions.BIND_HOST, HOST);
        c.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        c.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());

        c.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("512m"));
        c.set(JobManagerOptions.JVM_METASPACE, MemorySize.parse("128m"));
        c.set(JobManagerOptions.JVM_OVERHEAD_MIN, MemorySize.parse("64m"));
        c.set(JobManagerOptions.OFF_HEAP_MEMORY, MemorySize.parse("64m"));
        // 1 GB in all, of which ~320 MB task heap and 192 MB managed memory for RocksDB, shared by the slots
        c.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1g"));
        c.set(TaskManagerOptions.JVM_METASPACE, MemorySize.parse("192m"));
        c.set(TaskManagerOptions.JVM_OVERHEAD_MIN, MemorySize.parse("128m"));
        c.set(TaskManagerOptions.FRAMEWORK_HEAP_MEMORY, MemorySize.parse("64m"));
        c.set(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY, MemorySize.parse("64m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("192m"));

        // A killed TaskManager refuses connections at once; two missed heartbeats (4 s) mark it lost.
        c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(2));
        c.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(20));
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));

        c.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        c.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        c.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, dir.resolve("savepoints").toUri().toString());
        return cluster;
    }

    /** Overrides or adds one setting, by Flink's key. */
    ClusterConfig set(String key, String value) {
        config.setString(key, value);
        return this;
    }

    <T> T get(ConfigOption<T> option) {
        return config.get(option);
    }

    Configuration flinkConfiguration() {
        return new Configuration(config);
    }

    int restPort() {
        return config.get(RestOptions.PORT);
    }

    /** Writes {@code conf/config.yaml} and {@code conf/log4j.properties}; returns the conf directory. */
    Path write(Path confDir) throws IOException {
        Files.createDirectories(confDir);
        StringBuilder yaml = new StringBuilder("# written by LocalCluster; read by the processes as they start\n");
        for (Map.Entry<String, String> entry : new TreeMap<>(config.toMap()).entrySet()) {
            yaml.append(entry.getKey()).append(": '").append(entry.getValue().replace("'", "''")).append("'\n");
        }
        Files.writeString(confDir.resolve(CONFIG_FILE), yaml, UTF_8);
        Files.writeString(confDir.resolve(LOG_CONFIG_FILE), String.join("\n",
                "# as a Flink distribution's conf/log4j.properties: one file per process, named by -Dlog.file",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                "appender.main.append = true",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                "logger.netty.name = org.apache.flink.shaded.netty4.io.netty.channel.nio.NioEventLoop",
                "logger.netty.level = OFF",
                ""), UTF_8);
        return confDir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
