package org.vrouter.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The median of measured durations. */
final class Stats {
    private Stats() {}

    /** The middle duration (the mean of the two middle ones for an even count). */
    static Duration median(List<Duration> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take the median of");
        }
        List<Duration> sorted = new ArrayList<>(runs);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
