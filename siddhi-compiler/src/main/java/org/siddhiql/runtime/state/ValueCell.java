package org.siddhiql.runtime.state;

/** One value of managed state, scoped to the current key by the backend. Absent reads as null. */
public interface ValueCell<T> {
    T get();

    /** Stores the value; a kernel that mutated a value it read must call this for the change to persist. */
    void set(T value);

    void clear();
}
