package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One measured figure.
 *
 * @param series what was measured
 * @param n the size: entries or rules on the router (for the per-entry targets, the number of entries)
 * @param time the median of the runs
 * @param runs how many runs the median is of
 */
record Figure(Series series, int n, Duration time, int runs) {
    Figure {
        requireNonNull(series, "series is null");
        requireNonNull(time, "time is null");
        if (n < 0 || runs < 1) {
            throw new IllegalArgumentException("n must not be negative and runs positive: " + n + ", " + runs);
        }
    }

    double millis() {
        return time.toNanos() / 1e6;
    }
}
