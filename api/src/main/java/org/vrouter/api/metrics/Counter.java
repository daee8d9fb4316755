package org.vrouter.api.metrics;

/** Counts events. Thread-safe; never throws. */
public interface Counter {
    /** Counts nothing. */
    Counter NOOP = amount -> { };

    /** Adds {@code amount}, which is not negative. */
    void increment(long amount);

    /** Adds one. */
    default void increment() {
        increment(1);
    }
}
