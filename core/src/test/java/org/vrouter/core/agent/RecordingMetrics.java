package org.vrouter.core.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.vrouter.api.metrics.Counter;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.metrics.Timer;

/** Metrics that remember every measurement, keyed {@code name{tag=value,...}} with tags sorted. */
final class RecordingMetrics implements Metrics {
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, List<Duration>> timers = new ConcurrentHashMap<>();

    static String key(String name, Map<String, String> tags) {
        return name + new TreeMap<>(tags);
    }

    @Override
    public Timer timer(String name, Map<String, String> tags) {
        List<Duration> durations = timers.computeIfAbsent(key(name, tags), key -> new CopyOnWriteArrayList<>());
        return durations::add;
    }

    @Override
    public Counter counter(String name, Map<String, String> tags) {
        AtomicLong count = counters.computeIfAbsent(key(name, tags), key -> new AtomicLong());
        return count::addAndGet;
    }

    long count(String name, Map<String, String> tags) {
        AtomicLong count = counters.get(key(name, tags));
        return count == null ? 0 : count.get();
    }

    List<Duration> durations(String name, Map<String, String> tags) {
        return timers.getOrDefault(key(name, tags), List.of());
    }
}
