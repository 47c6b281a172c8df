package org.siddhiql.testing.kafka;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one {@link KafkaBroker} for a test class and stops it after the class. Register it as a static field so
 * tests can reach the broker:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * ... KAFKA.bootstrapServers() ...
 * }</pre>
 *
 * <p>One broker per class, not per test: starting one takes seconds, and tests stay apart by using their own topics.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = KafkaBroker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while a test class using it runs");
        }
        return broker;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    public void createTopics(Map<String, Integer> partitionsByTopic) {
        broker().createTopics(partitionsByTopic);
    }
}
