package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * Sends one rule or address change to a network's routers, the same way for both elements: a
 * service the element does not provide is {@link Outcome#NOT_HANDLED}; an empty change, or a network
 * without a running router (whose next start carries the change), is {@link Outcome#SKIPPED};
 * otherwise the change goes to the router manager and is {@link Outcome#APPLIED}. Each call is timed
 * under its {@link Operation}. Stateless; thread-safe.
 */
final class RuleChanges {
    private final OperationMetrics metrics;
    private final RouterGate gate;

    RuleChanges(OperationMetrics metrics, RouterGate gate) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.gate = requireNonNull(gate, "gate is null");
    }

    /** Runs {@code send} when {@code handled}, {@code changes} is not empty and the gate admits the network. */
    void apply(Operation operation, boolean handled, Network network, List<?> changes, Runnable send) {
        metrics.measure(operation, () -> {
            if (!handled) {
                return Outcome.NOT_HANDLED;
            }
            if (changes.isEmpty() || !gate.admit(network, operation, WithoutRouters.NOTHING_TO_DO)) {
                return Outcome.SKIPPED;
            }
            send.run();
            return Outcome.APPLIED;
        });
    }
}
