package org.siddhiql.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local cluster's processes are real JVMs: a TaskManager killed with SIGKILL leaves the cluster, a new one joins it,
 * and stopping the cluster ends every process it started. Prints how long each step took.
 */
class LocalClusterITCase {
    @TempDir
    Path dir;

    @Test
    void replacesAKilledTaskManagerAndStopsEveryProcess() throws Exception {
        long started = System.nanoTime();
        List<ProcessHandle> processes;
        try (LocalCluster cluster = LocalCluster.builder(dir).taskManagers(0).slots(1).start()) {
            report("JobManager's REST endpoint up", started);
            long registering = System.nanoTime();
            assertEquals(0, cluster.startTaskManager());
            cluster.awaitTaskManagers(1);
            report("TaskManager registered", registering);
            assertTrue(LocalCluster.isRunning(dir));
            assertTrue(Files.readString(dir.resolve("conf/config.yaml")).contains("rest.port: '"
                    + cluster.restPort() + "'"));
            long jobManagerPid = Long.parseLong(Files.readString(dir.resolve("jobmanager.pid")).trim());
            long firstPid = Long.parseLong(Files.readString(dir.resolve("taskmanager-0.pid")).trim());

            long replacing = System.nanoTime();
            cluster.killTaskManager(0);
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(1, cluster.startTaskManager());
            cluster.awaitTaskManagers(1);
            report("killed TaskManager gone and a new one registered", replacing);
            assertEquals(Set.of(1), cluster.taskManagers());

            long secondPid = Long.parseLong(Files.readString(dir.resolve("taskmanager-1.pid")).trim());
            processes = List.of(ProcessHandle.of(jobManagerPid).orElseThrow(),
                    ProcessHandle.of(secondPid).orElseThrow());
        }
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "process " + process.pid() + " outlived the cluster");
        }
        assertFalse(LocalCluster.isRunning(dir));
        assertTrue(Files.readString(dir.resolve("log/jobmanager.log")).contains("Rest endpoint listening at"));
    }

    private static void report(String step, long since) {
        System.out.printf("LocalClusterITCase: %s in %d ms%n", step, (System.nanoTime() - since) / 1_000_000);
    }
}
