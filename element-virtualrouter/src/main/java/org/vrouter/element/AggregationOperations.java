package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.RouterManager;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * Aggregated execution for the element: brackets around a network restart, delegated to the
 * manager (which skips routers without a NIC in the network and, under an in-sequence update,
 * marks update states). Preparing and completing need a router, as in CloudStack.
 */
final class AggregationOperations {
    private final RouterManager manager;
    private final RouterGate gate;
    private final OperationMetrics metrics;

    AggregationOperations(RouterManager manager, RouterGate gate, OperationMetrics metrics) {
        this.manager = requireNonNull(manager, "manager is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    void prepare(Network network, DeployDestination destination) {
        send(Operation.PREPARE_AGGREGATED_EXECUTION, network, () -> manager.prepareAggregatedExecution(network, destination));
    }

    void complete(Network network, DeployDestination destination) {
        send(Operation.COMPLETE_AGGREGATED_EXECUTION, network, () -> manager.completeAggregatedExecution(network, destination));
    }

    /** Needs no router: there is nothing to discard without one. */
    void cleanup(Network network, DeployDestination destination) {
        metrics.measure(Operation.CLEANUP_AGGREGATED_EXECUTION, () -> {
            if (!VirtualRouterElement.handlesAny(network)) {
                return Outcome.NOT_HANDLED;
            }
            manager.cleanupAggregatedExecution(network, destination);
            return Outcome.APPLIED;
        });
    }

    private void send(Operation operation, Network network, Runnable action) {
        metrics.measure(operation, () -> {
            if (!VirtualRouterElement.handlesAny(network)) {
                return Outcome.NOT_HANDLED;
            }
            gate.routersOf(network, operation, WithoutRouters.UNAVAILABLE);
            action.run();
            return Outcome.APPLIED;
        });
    }
}
