package org.vrouter.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.metrics.Counter;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.metrics.Timer;

/** Metrics that remember each recorded timing as {@code name{tag=value,...}}. */
final class RecordingMetrics implements Metrics {
    final List<String> recorded = new ArrayList<>();

    @Override
    public Timer timer(String name, Map<String, String> tags) {
        String key = name + new TreeMap<>(tags);
        return duration -> recorded.add(key);
    }

    @Override
    public Counter counter(String name, Map<String, String> tags) {
        String key = name + new TreeMap<>(tags);
        return amount -> recorded.add(key + "+" + amount);
    }
}
