package org.siddhiql.cli.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * One JVM of a local cluster, started as Flink's scripts start it: Flink's Java 17 module options, the memory flags
 * Flink derives from its configuration, {@code -cp <the Flink classpath>}, the entry point's main class and
 * {@code --configDir}. Its output goes to {@code log/<name>.log} (log4j) and {@code log/<name>.out} (stdout and
 * stderr); its pid to {@code <name>.pid}, so another JVM can stop it.
 */
final class FlinkProcess {
    static final String JOBMANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASKMANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    /** Where Flink's processes look for plugins, {@code <name>/<jars>} per plugin, as a distribution's plugins/. */
    static final String PLUGINS_DIR_VARIABLE = "FLINK_PLUGINS_DIR";

    /** How far a process's start time, as the OS keeps it, may be off. */
    private static final Duration START_TIME_PRECISION = Duration.ofSeconds(1);

    private final String name;
    private final ProcessHandle handle;

    private FlinkProcess(String name, ProcessHandle handle) {
        this.name = name;
        this.handle = handle;
    }

    /**
     * Starts {@code mainClass} as process {@code name} of the cluster in {@code dir}.
     *
     * @param memoryFlags the {@code -Xmx...} JVM flags Flink derived for the process
     * @param dynamicProperties {@code -D key=value} settings for the process only, on top of {@code config.yaml}
     * @param plugins the directory of Flink plugins (file systems such as S3), or null for none
     */
    static FlinkProcess start(Path dir, String name, String mainClass, List<Path> classpath, List<String> memoryFlags,
            List<String> dynamicProperties, Path plugins) throws IOException {
        Path logDir = Files.createDirectories(dir.resolve("log"));
        Path confDir = dir.resolve("conf");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flinkJvmOptions());
        command.addAll(memoryFlags);
        command.add("-Dlog.file=" + logDir.resolve(name + ".log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve(ClusterConfig.LOG_CONFIG_FILE).toUri());
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        for (String property : dynamicProperties) {
            command.add("-D");
            command.add(property);
        }
        Path out = logDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (plugins != null) {
            builder.environment().put(PLUGINS_DIR_VARIABLE, plugins.toString());
        }
        Process process = builder.start();
        Files.writeString(pidFile(dir, name), Long.toString(process.pid()), UTF_8);
        return new FlinkProcess(name, process.toHandle());
    }

    /**
     * The process {@code name} of the cluster in {@code dir}, as its pid file names it, if it still runs. A pid that
     * now belongs to another program (the process ended and the pid was reused) is not it: that program started after
     * the pid file was written.
     */
    static Optional<FlinkProcess> attach(Path dir, String name) throws IOException {
        Path pidFile = pidFile(dir, name);
        long pid;
        Instant written;
        try {
            pid = Long.parseLong(Files.readString(pidFile, UTF_8).trim());
            written = Files.getLastModifiedTime(pidFile).toInstant();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(handle -> handle.info().startInstant()
                        .map(started -> started.isBefore(written.plus(START_TIME_PRECISION)))
                        .orElse(false))
                .map(handle -> new FlinkProcess(name, handle));
    }

    static Path pidFile(Path dir, String name) {
        return dir.resolve(name + ".pid");
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** SIGKILL: the process dies at once, as on a machine failure; nothing of it runs its shutdown. */
    void kill() throws InterruptedException {
        handle.destroyForcibly();
        if (!exited(Duration.ofSeconds(30))) {
            throw new IllegalStateException(name + " (pid " + handle.pid() + ") outlived a SIGKILL by 30 s");
        }
    }

    /** SIGTERM, which Flink's processes answer by shutting down cleanly; see {@link #awaitTerminated}. */
    void terminate() {
        handle.destroy();
    }

    /** Waits for the process to end after {@link #terminate}, killing it when grace is over. */
    void awaitTerminated(Duration grace) throws InterruptedException {
        if (!exited(grace)) {
            kill();
        }
    }

    private boolean exited(Duration timeout) throws InterruptedException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // onExit() does not fail
        }
    }

    /** Flink's own Java 17 list ({@code env.java.opts.all} of a distribution), from the parent pom. */
    private static List<String> flinkJvmOptions() {
        try (InputStream in = FlinkProcess.class.getResourceAsStream("flink-jvm-options")) {
            if (in == null) {
                throw new IllegalStateException("flink-jvm-options is missing from the CLI's classpath");
            }
            return Arrays.asList(new String(in.readAllBytes(), UTF_8).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
