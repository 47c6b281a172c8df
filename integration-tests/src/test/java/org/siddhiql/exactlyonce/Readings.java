package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The input of the app: reading {@code i} is the same in every run (a fixed seed), so a run with failures and one
 * without see the same events in the same order. Ten sensors; levels 0..9 equally likely (9 is an alarm for the
 * pattern, 8 and 9 update the table, 0 is a calm reading that joins it); readings 0.00..99.99.
 */
final class Readings {
    private static final long SEED = 20261128L;

    private final SplittableRandom random = new SplittableRandom(SEED);
    private int next;

    /** Sends the next {@code count} readings to {@code topic}; they go to its one partition in order. */
    void send(KafkaProducer<byte[], byte[]> producer, String topic, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, next().getBytes(UTF_8)));
        }
    }

    /** How many readings were sent. */
    int sent() {
        return next;
    }

    private String next() {
        int seq = next++;
        return String.format(Locale.ROOT,
                "{\"event\":{\"sensor\":\"s%d\",\"seq\":%d,\"level\":%d,\"reading\":%d.%02d}}",
                random.nextInt(10), seq, random.nextInt(10), random.nextInt(100), random.nextInt(100));
    }
}
