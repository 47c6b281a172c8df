package org.siddhiql.cli.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A Flink session cluster on this machine: one JobManager process and any number of TaskManager processes, each its
 * own JVM, started from the Flink jars of {@code siddhi-flink-dist} as a Flink distribution's scripts start them.
 * {@code bin/siddhi cluster start} runs one, and tests run one to kill TaskManagers under a job.
 *
 * <p>The processes' classpath is Flink only (runtime, DataStream API, clients, RocksDB, the file connector, log4j):
 * what a Flink distribution has in {@code lib/}. A job brings its own code in its job jar, which the TaskManagers load
 * in the job's classloader, exactly as on a production cluster; so a job that runs here runs there.
 *
 * <p>A test starts a job on it as {@code submit} does: {@code StreamExecutionEnvironment.createRemoteEnvironment(
 * "127.0.0.1", cluster.restPort(), config, jobJar)} with the job jar,
 * {@code siddhi-job/target/siddhi-job-VERSION-job.jar} (siddhi-cli's tests get its path as {@code siddhi.job.jar}).
 *
 * <p>Everything of a cluster lives in its directory: {@code conf/config.yaml}, {@code log/}, {@code tmp/}, pid files,
 * and the default checkpoint and savepoint directories. The processes outlive this object only after {@link #detach}
 * (the CLI); otherwise they are stopped when the JVM that started them exits, so a failing test leaves no JVM behind.
 */
public final class LocalCluster implements AutoCloseable {
    /** The system property naming the Flink classpath file, {@code siddhi-flink-dist/target/flink.classpath}. */
    public static final String CLASSPATH_PROPERTY = "siddhi.flink.classpath";
    /** The system property naming the directory of Flink plugins, for clusters and {@code run}: target/plugins. */
    public static final String PLUGINS_PROPERTY = "siddhi.flink.plugins";

    static final String JOBMANAGER = "jobmanager";
    private static final String TASKMANAGER = "taskmanager-";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path dir;
    private final ClusterConfig config;
    private final List<Path> classpath;
    private final Path plugins; // null: no plugins
    private final ClusterRest rest;
    private final FlinkProcess jobManager;
    private final Map<Integer, FlinkProcess> taskManagers = new LinkedHashMap<>();
    private final Thread stopOnExit = new Thread(this::stopQuietly, "local-cluster-stop-on-exit");
    private int nextTaskManager;

    private LocalCluster(Path dir, ClusterConfig config, List<Path> classpath, Path plugins) throws IOException {
        this.dir = dir;
        this.config = config;
        this.classpath = classpath;
        this.plugins = plugins;
        this.rest = new ClusterRest(ClusterConfig.HOST, config.restPort());
        config.write(dir.resolve("conf"));
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(
                config.flinkConfiguration(), JobManagerOptions.JVM_HEAP_MEMORY);
        this.jobManager = FlinkProcess.start(dir, JOBMANAGER, FlinkProcess.JOBMANAGER_MAIN, classpath,
                words(JobManagerProcessUtils.generateJvmParametersStr(spec, config.flinkConfiguration())),
                dynamicProperties(JobManagerProcessUtils.generateDynamicConfigsStr(spec)), plugins);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** A cluster to be started in {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The JobManager's REST address, {@code 127.0.0.1:<port>}: what clients and {@code flink run -m} connect to. */
    public String restAddress() {
        return ClusterConfig.HOST + ":" + config.restPort();
    }

    public int restPort() {
        return config.restPort();
    }

    public Path directory() {
        return dir;
    }

    /** The cluster's configuration, as its processes read it. */
    public Configuration configuration() {
        return config.flinkConfiguration();
    }

    /** Starts one more TaskManager; returns its index, for {@link #killTaskManager}. */
    public synchronized int startTaskManager() throws IOException {
        int index = nextTaskManager++;
        String name = TASKMANAGER + index;
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(
                TaskExecutorProcessUtils.getConfigurationMapLegacyTaskManagerHeapSizeToConfigOption(
                        config.flinkConfiguration(), TaskManagerOptions.TOTAL_FLINK_MEMORY));
        List<String> properties = new ArrayList<>(
                dynamicProperties(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        properties.add(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + name);
        taskManagers.put(index, FlinkProcess.start(dir, name, FlinkProcess.TASKMANAGER_MAIN, classpath,
                words(ProcessMemoryUtils.generateJvmParametersStr(spec)), properties, plugins));
        return index;
    }

    /** Kills TaskManager {@code index} with SIGKILL, as a machine failure would; returns once the process is gone. */
    public synchronized void killTaskManager(int index) throws InterruptedException {
        FlinkProcess taskManager = taskManagers.remove(index);
        if (taskManager == null) {
            throw new IllegalArgumentException("no running TaskManager " + index + "; running: "
                    + taskManagers.keySet());
        }
        taskManager.kill();
    }

    /** The indexes of the TaskManagers this object started and did not kill. */
    public synchronized Set<Integer> taskManagers() {
        return Set.copyOf(taskManagers.keySet());
    }

    /** Waits for the JobManager's REST endpoint to answer. */
    public void awaitJobManager() throws InterruptedException {
        await("the JobManager's REST endpoint at " + restAddress(), () -> {
            requireAlive(jobManager);
            return rest.isUp();
        });
    }

    /**
     * Waits until exactly {@code count} TaskManagers are registered and they are this cluster's running ones: a killed
     * TaskManager counts until the JobManager notices it is gone.
     */
    public void awaitTaskManagers(int count) throws InterruptedException {
        await(count + " registered TaskManagers", () -> {
            requireAlive(jobManager);
            Set<String> running;
            synchronized (this) {
                running = taskManagers.values().stream().map(FlinkProcess::name).collect(Collectors.toSet());
            }
            return running.size() == count && rest.taskManagers().equals(running);
        });
    }

    /**
     * Lets the processes run on after this JVM exits: {@code bin/siddhi cluster start}. {@link #stop(Path)} stops them
     * later, from their pid files.
     */
    public void detach() {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    /** Stops the TaskManagers and the JobManager (SIGTERM, SIGKILL after a grace period) and waits for them. */
    @Override
    public void close() throws InterruptedException {
        stopOnExit.run();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting and runs the hook itself
        }
    }

    /**
     * Stops the processes of the cluster in {@code dir}, started by this or another JVM.
     *
     * @return how many processes were running
     */
    public static int stop(Path dir) throws IOException, InterruptedException {
        List<FlinkProcess> running = running(dir.toAbsolutePath());
        stopAll(running);
        for (FlinkProcess process : running) {
            Files.deleteIfExists(FlinkProcess.pidFile(dir.toAbsolutePath(), process.name()));
        }
        return running.size();
    }

    /** Whether processes of a cluster in {@code dir} run, by its pid files. */
    public static boolean isRunning(Path dir) throws IOException {
        return !running(dir.toAbsolutePath()).isEmpty();
    }

    private static List<FlinkProcess> running(Path dir) throws IOException {
        List<FlinkProcess> running = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return running;
        }
        try (var pidFiles = Files.list(dir)) {
            for (Path pidFile : pidFiles.filter(file -> file.getFileName().toString().endsWith(".pid")).toList()) {
                FlinkProcess.attach(dir, pidFile.getFileName().toString().replaceFirst("\\.pid$", ""))
                        .ifPresent(running::add);
            }
        }
        return running;
    }

    private synchronized void stopQuietly() {
        List<FlinkProcess> running = new ArrayList<>(taskManagers.values());
        running.add(jobManager);
        taskManagers.clear();
        try {
            stopAll(running);
            for (FlinkProcess process : running) {
                Files.deleteIfExists(FlinkProcess.pidFile(dir, process.name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // pid files of processes that are gone: harmless
        }
    }

    private static void stopAll(List<FlinkProcess> processes) throws InterruptedException {
        processes.forEach(FlinkProcess::terminate);
        for (FlinkProcess process : processes) {
            process.awaitTerminated(STOP_GRACE);
        }
    }

    private static void requireAlive(FlinkProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the " + process.name() + " process ended; see its log/"
                    + process.name() + ".out and .log");
        }
    }

    private interface Condition {
        boolean holds() throws InterruptedException;
    }

    private void await(String what, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " after " + STARTUP_TIMEOUT.toSeconds()
                        + " s; see the logs in " + dir.resolve("log"));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> words(String flags) {
        return Arrays.asList(flags.trim().split("\\s+"));
    }

    /** {@code -D k=v -D k=v}, as Flink's process utilities write dynamic properties, as a list of {@code k=v}. */
    private static List<String> dynamicProperties(String flags) {
        List<String> properties = new ArrayList<>();
        for (String word : words(flags)) {
            if (!word.equals("-D") && !word.isEmpty()) {
                properties.add(word);
            }
        }
        return properties;
    }

    /** How to start a {@link LocalCluster}. */
    public static final class Builder {
        private final Path dir;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private List<Path> classpath;
        private Path plugins = Optional.ofNullable(System.getProperty(PLUGINS_PROPERTY)).map(Path::of).orElse(null);
        private int slots = 2;
        private int taskManagers = 1;

        private Builder(Path dir) {
            this.dir = dir.toAbsolutePath();
        }

        /** Task slots per TaskManager (default 2). */
        public Builder slots(int slots) {
            this.slots = slots;
            return this;
        }

        /** TaskManagers to start with (default 1); {@link #startTaskManager} adds more. */
        public Builder taskManagers(int taskManagers) {
            this.taskManagers = taskManagers;
            return this;
        }

        /** One setting of {@code config.yaml}, by Flink's key, over the defaults of {@link ClusterConfig}. */
        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** The processes' classpath; by default the one in the file that {@value #CLASSPATH_PROPERTY} names. */
        public Builder classpath(List<Path> classpath) {
            this.classpath = List.copyOf(classpath);
            return this;
        }

        /**
         * The directory of Flink plugins the processes load (Flink's S3 file system, for checkpoints to s3://); by
         * default the one {@value #PLUGINS_PROPERTY} names, if set.
         */
        public Builder plugins(Path plugins) {
            this.plugins = plugins;
            return this;
        }

        /** Starts the JobManager and the TaskManagers and waits until they are all registered. */
        public LocalCluster start() throws IOException, InterruptedException {
            Files.createDirectories(dir);
            ClusterConfig config = ClusterConfig.defaults(dir, slots);
            settings.forEach(config::set);
            LocalCluster cluster = new LocalCluster(dir, config, classpath == null ? flinkClasspath() : classpath,
                    plugins);
            try {
                for (int i = 0; i < taskManagers; i++) {
                    cluster.startTaskManager();
                }
                cluster.awaitJobManager();
                cluster.awaitTaskManagers(taskManagers);
            } catch (IOException | InterruptedException | RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }
    }

    /** The Flink jars, from the file {@code siddhi-flink-dist} writes at build time. */
    static List<Path> flinkClasspath() throws IOException {
        String file = System.getProperty(CLASSPATH_PROPERTY);
        if (file == null) {
            throw new IllegalStateException("set -D" + CLASSPATH_PROPERTY
                    + " to siddhi-flink-dist/target/flink.classpath (bin/siddhi does)");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: build siddhi-flink-dist (./mvnw -pl siddhi-cli -am "
                    + "package)");
        }
        return Arrays.stream(Files.readString(path, UTF_8).trim().split(File.pathSeparator))
                .map(Path::of)
                .toList();
    }
}
