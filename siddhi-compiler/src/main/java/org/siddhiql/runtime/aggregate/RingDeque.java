package org.siddhiql.runtime.aggregate;

import java.util.Objects;

/**
 * A double-ended queue kept in the first three slots of an aggregator state, as plain values: a ring array whose
 * length is a power of two, the head index and the size. It serves min and max, which pop from the tail and usually
 * remove from the head.
 */
final class RingDeque {
    private static final int RING = 0;
    private static final int HEAD = 1;
    private static final int SIZE = 2;
    private static final int INITIAL_CAPACITY = 4;

    private RingDeque() {
    }

    /** A state whose first three slots hold an empty deque; the caller may use further slots for itself. */
    static Object[] newState(int slots) {
        Object[] state = new Object[Math.max(slots, 3)];
        state[RING] = new Object[INITIAL_CAPACITY];
        state[HEAD] = 0;
        state[SIZE] = 0;
        return state;
    }

    static int size(Object[] state) {
        return (Integer) state[SIZE];
    }

    static Object first(Object[] state) {
        return size(state) == 0 ? null : ((Object[]) state[RING])[(Integer) state[HEAD]];
    }

    static Object last(Object[] state) {
        Object[] ring = (Object[]) state[RING];
        return ring[index(ring, (Integer) state[HEAD], size(state) - 1)];
    }

    static void removeLast(Object[] state) {
        Object[] ring = (Object[]) state[RING];
        int size = size(state);
        ring[index(ring, (Integer) state[HEAD], size - 1)] = null;
        state[SIZE] = size - 1;
    }

    static void addLast(Object[] state, Object value) {
        Object[] ring = (Object[]) state[RING];
        int head = (Integer) state[HEAD];
        int size = size(state);
        if (size == ring.length) {
            Object[] grown = new Object[ring.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = ring[index(ring, head, i)];
            }
            ring = grown;
            head = 0;
            state[RING] = ring;
            state[HEAD] = 0;
        }
        ring[index(ring, head, size)] = value;
        state[SIZE] = size + 1;
    }

    /** Removes the first element equal to the value, if any. */
    static void removeFirstOccurrence(Object[] state, Object value) {
        Object[] ring = (Object[]) state[RING];
        int head = (Integer) state[HEAD];
        int size = size(state);
        for (int i = 0; i < size; i++) {
            if (Objects.equals(ring[index(ring, head, i)], value)) {
                if (i == 0) {
                    ring[head] = null;
                    state[HEAD] = index(ring, head, 1);
                } else {
                    for (int j = i; j < size - 1; j++) {
                        ring[index(ring, head, j)] = ring[index(ring, head, j + 1)];
                    }
                    ring[index(ring, head, size - 1)] = null;
                }
                state[SIZE] = size - 1;
                return;
            }
        }
    }

    private static int index(Object[] ring, int head, int offset) {
        return (head + offset) & (ring.length - 1);
    }
}
