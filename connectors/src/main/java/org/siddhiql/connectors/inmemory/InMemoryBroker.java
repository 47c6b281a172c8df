package org.siddhiql.connectors.inmemory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publish/subscribe of objects by topic within one JVM, as Siddhi's InMemoryBroker: what {@code @source/@sink(
 * type='inMemory', topic='...')} read and write, and what tests and embedding code use to feed an app and collect its
 * output. A message goes synchronously to the topic's current subscribers, in the publisher's thread; one published
 * while a topic has no subscriber reaches no one. Nothing is stored: a message is not replayed after a failure.
 */
public final class InMemoryBroker {
    private static final Map<String, List<Consumer<Object>>> SUBSCRIBERS = new ConcurrentHashMap<>();

    private InMemoryBroker() {
    }

    /** A subscription of one subscriber to one topic; closing it unsubscribes. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public static Subscription subscribe(String topic, Consumer<Object> subscriber) {
        SUBSCRIBERS.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> SUBSCRIBERS.get(topic).remove(subscriber);
    }

    /** Hands {@code message} to each current subscriber of {@code topic}, in order of subscription. */
    public static void publish(String topic, Object message) {
        for (Consumer<Object> subscriber : SUBSCRIBERS.getOrDefault(topic, List.of())) {
            subscriber.accept(message);
        }
    }

    public static int subscribers(String topic) {
        return SUBSCRIBERS.getOrDefault(topic, List.of()).size();
    }

    /**
     * Waits until {@code topic} has at least {@code count} subscribers, such as the inMemory sources of a job that is
     * starting: messages published before would reach no one.
     */
    public static void awaitSubscribers(String topic, int count, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (subscribers(topic) < count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic '" + topic + "' has " + subscribers(topic) + " subscribers, not "
                        + count + ", after " + timeout);
            }
            Thread.sleep(10);
        }
    }
}
