package org.siddhiql.beam.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark;

/**
 * Lets Avro decode KafkaIO's checkpoint marks. KafkaIO encodes its source's position (a {@link KafkaCheckpointMark})
 * with Beam's Avro reflect coder, and Avro 1.12, which this project uses, refuses to instantiate classes it was not
 * told to trust: every checkpoint of a pipeline reading Kafka would fail, and the runner restart the job from the last
 * good one, writing its outputs again. Avro's trust list is per JVM, so each worker adds these classes before its
 * Kafka source is checkpointed (the alternative, {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=...} on every
 * worker, is easy to forget).
 */
final class KafkaCheckpointTrust {
    /** What a checkpoint mark is made of: its class, its partitions' marks, and the list that holds them. */
    private static final List<Class<?>> MARK_CLASSES = List.of(KafkaCheckpointMark.class,
            KafkaCheckpointMark.PartitionMark.class, List.class, ArrayList.class);

    private KafkaCheckpointTrust() {
    }

    static synchronized void ensure() {
        ClassSecurityValidator.ClassSecurityPredicate trusted = ClassSecurityValidator.getGlobal();
        if (MARK_CLASSES.stream().allMatch(trusted::isTrusted)) {
            return;
        }
        ClassSecurityValidator.Builder marks = ClassSecurityValidator.builder();
        MARK_CLASSES.forEach(marks::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(trusted, marks.build()));
    }
}
