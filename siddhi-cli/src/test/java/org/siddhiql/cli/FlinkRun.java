package org.siddhiql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.siddhiql.cli.cluster.LocalCluster;

/**
 * One call of a Flink distribution's {@code bin/flink}, as that script makes it: {@code CliFrontend} in its own JVM,
 * with Flink's Java 17 options, the Flink jars only on the classpath and {@code FLINK_CONF_DIR} set.
 */
record FlinkRun(int exitCode, String output) {
    private static final long TIMEOUT_SECONDS = 180;

    static FlinkRun of(Path confDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flinkJvmOptions());
        command.add("-Dlog.file=" + confDir.resolveSibling("log").resolve("flink-client.log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(Files.readString(Path.of(System.getProperty(LocalCluster.CLASSPATH_PROPERTY)), UTF_8).trim());
        command.add("org.apache.flink.client.cli.CliFrontend");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLINK_CONF_DIR", confDir.toString());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("flink " + String.join(" ", args) + " did not end: " + output);
            }
            return new FlinkRun(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }

    /** The lines of a file sink's committed part files, sorted; in-progress files are hidden ({@code .part-...}). */
    static List<String> committedLines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(file, UTF_8));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> flinkJvmOptions() throws IOException {
        try (InputStream in = LocalCluster.class.getResourceAsStream("flink-jvm-options")) {
            return Arrays.asList(new String(in.readAllBytes(), UTF_8).trim().split("\\s+"));
        }
    }
}
