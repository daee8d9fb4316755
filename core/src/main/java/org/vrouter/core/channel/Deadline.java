package org.vrouter.core.channel;

import java.time.Duration;

/** A point in (monotonic) time by which a channel call must be done. */
final class Deadline {
    private final long endNanos;
    private final Duration bound;

    private Deadline(Duration bound) {
        this.bound = bound;
        this.endNanos = System.nanoTime() + bound.toNanos();
    }

    static Deadline after(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + bound);
        }
        return new Deadline(bound);
    }

    boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Milliseconds left, at least 1 (JSch reads 0 as "no limit"). */
    int remainingMillis() {
        long left = (endNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(1L, Math.min(Integer.MAX_VALUE, left));
    }

    /** The smaller of {@code other} and the time left, in milliseconds (at least 1). */
    int remainingMillisAtMost(Duration other) {
        return (int) Math.max(1L, Math.min(remainingMillis(), other.toMillis()));
    }

    /** The bound this deadline was set with, for messages: {@code 600 s} or {@code 250 ms}. */
    String describeBound() {
        long millis = bound.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Sleeps a little (growing from 1 ms to 20 ms per call), never past the deadline. */
    void pause(int round) throws InterruptedException {
        long step = Math.min(20L, 1L << Math.min(round, 5));
        Thread.sleep(Math.max(1L, Math.min(step, remainingMillis())));
    }
}
