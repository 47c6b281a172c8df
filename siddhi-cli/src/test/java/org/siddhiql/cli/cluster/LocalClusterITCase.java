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
 * and stopping the cluster ends every process it started.
 */
class LocalClusterITCase {
    @TempDir
    Path dir;

    @Test
    void replacesAKilledTaskManagerAndStopsEveryProcess() throws Exception {
        long started = System.nanoTime();
        List<ProcessHandle> processes;
        try (LocalCluster cluster = LocalCluster.builder(dir).taskManagers(1).slots(1).start()) {
            System.out.printf("local cluster: JobManager and 1 TaskManager registered in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertTrue(Files.readString(dir.resolve("conf/config.yaml")).contains("rest.port: '"
                    + cluster.restPort() + "'"));
            long jobManagerPid = Long.parseLong(Files.readString(dir.resolve("jobmanager.pid")).trim());
            long firstPid = Long.parseLong(Files.readString(dir.resolve("taskmanager-0.pid")).trim());

            cluster.killTaskManager(0);
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
            long replaced = System.nanoTime();
            assertEquals(1, cluster.startTaskManager());
            cluster.awaitTaskManagers(1);
            System.out.printf("local cluster: killed TaskManager replaced in %d ms%n",
                    (System.nanoTime() - replaced) / 1_000_000);
            assertEquals(Set.of(1), cluster.taskManagers());

            long secondPid = Long.parseLong(Files.readString(dir.resolve("taskmanager-1.pid")).trim());
            processes = List.of(ProcessHandle.of(jobManagerPid).orElseThrow(),
                    ProcessHandle.of(secondPid).orElseThrow());
        }
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "process " + process.pid() + " outlived the cluster");
        }
        assertTrue(Files.readString(dir.resolve("log/jobmanager.log")).contains("Rest endpoint listening at"));
    }
}
