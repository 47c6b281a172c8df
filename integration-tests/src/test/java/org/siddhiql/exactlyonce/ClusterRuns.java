package org.siddhiql.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.siddhiql.cli.SiddhiCli;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import picocli.CommandLine;

/**
 * What every failure-injection test does around its cluster: submit the app, feed it readings at a steady rate, wait
 * for output.
 */
final class ClusterRuns {
    private ClusterRuns() {
    }

    /**
     * {@code bin/siddhi submit APP --jobmanager ... --detached}, checkpointing every second to {@code checkpoints};
     * returns the job id it prints.
     */
    static String submit(Path app, String jobManager, String checkpoints) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SiddhiCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("submit", app.toString(), "--jobmanager", jobManager, "--detached",
                "--checkpoint-interval", "1s", "--checkpoint-dir", checkpoints);
        assertEquals(0, exit, err.toString());
        return out.toString().strip();
    }

    /**
     * Polls {@code count} every {@code pollMillis} until it exceeds {@code beyond}, failing when the producer failed
     * or the timeout passes; returns the count.
     */
    static long awaitMore(String what, Callable<? extends Number> count, long beyond,
            CompletableFuture<Void> producer, Duration timeout, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long now;
        while ((now = count.call().longValue()) <= beyond) {
            if (producer.isCompletedExceptionally()) {
                producer.get(); // its failure
            }
            assertTrue(System.nanoTime() < deadline, "no " + what + " committed beyond " + beyond);
            Thread.sleep(pollMillis);
        }
        return now;
    }

    /**
     * {@code events} readings into the one partition of {@code topic}, {@code rate} per second in batches every
     * 100 ms, counting them in {@code produced}, until all are sent or {@code stop} is set.
     */
    static void produce(KafkaBrokerExtension kafka, String topic, int events, int rate, AtomicInteger produced,
            AtomicBoolean stop) {
        Readings readings = new Readings();
        int batch = Math.max(1, rate / 10);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            long next = System.nanoTime();
            while (readings.sent() < events && !stop.get()) {
                readings.send(producer, topic, Math.min(batch, events - readings.sent()));
                producer.flush();
                produced.set(readings.sent());
                next += 100_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
