package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Supplier;

import org.vrouter.api.metrics.Metrics;

/**
 * Times every element operation into {@value #TIMER}, tagged with the {@link Operation} and its
 * {@link Outcome}, so a host sees how often and how long each call ran and how many were skipped
 * because no router was running.
 */
final class OperationMetrics {
    static final String TIMER = "vrouter.element.operation";

    private final Metrics metrics;

    OperationMetrics(Metrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Runs {@code body}, recording its duration under its outcome ({@link Outcome#FAILED} when it throws). */
    void measure(Operation operation, Supplier<Outcome> body) {
        long start = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = body.get();
        }
        finally {
            metrics.timer(TIMER, Map.of("operation", operation.tag(), "result", outcome.tag())).recordSince(start);
        }
    }
}
