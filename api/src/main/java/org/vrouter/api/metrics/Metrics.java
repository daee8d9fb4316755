package org.vrouter.api.metrics;

import java.util.Map;

/**
 * Where vrouter reports what it measures (converge and dispatch durations, changed and unchanged
 * counts, failures) without depending on a metrics library: a host adapts this to Micrometer,
 * Prometheus or its own registry. {@link #NOOP} discards everything.
 *
 * <p>Names are dotted lower case ({@code vrouter.dispatch.duration}); tags are a small fixed set
 * per name ({@code command}, {@code service}, {@code result}) — never ids, addresses or other
 * unbounded values. Implementations are thread-safe, cheap to call repeatedly with the same name
 * and tags, and never throw.
 */
public interface Metrics {
    /** Discards every measurement. */
    Metrics NOOP = new Metrics() {
        @Override
        public Timer timer(String name, Map<String, String> tags) {
            return Timer.NOOP;
        }

        @Override
        public Counter counter(String name, Map<String, String> tags) {
            return Counter.NOOP;
        }
    };

    /** The timer for {@code name} with {@code tags}. */
    Timer timer(String name, Map<String, String> tags);

    /** The counter for {@code name} with {@code tags}. */
    Counter counter(String name, Map<String, String> tags);

    /** The timer for {@code name} without tags. */
    default Timer timer(String name) {
        return timer(name, Map.of());
    }

    /** The counter for {@code name} without tags. */
    default Counter counter(String name) {
        return counter(name, Map.of());
    }
}
