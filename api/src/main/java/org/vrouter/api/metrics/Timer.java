package org.vrouter.api.metrics;

import java.time.Duration;

/** Records how long something took. Thread-safe; never throws. */
public interface Timer {
    /** Records nothing. */
    Timer NOOP = duration -> { };

    /** Records one duration; negative durations are ignored. */
    void record(Duration duration);

    /** Records the time since {@code startNanos}, a value from {@link System#nanoTime()}. */
    default void recordSince(long startNanos) {
        record(Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
