package org.vrouter.api.router;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;

/**
 * Everything the network elements ask of virtual routers: lifecycle ({@link RouterLifecycle}),
 * addresses and rules ({@link RuleApplier}), per-VM data ({@link VmDataApplier}), VPNs
 * ({@link VpnApplier}) and aggregated execution. The one implementation is {@code core}'s
 * {@code RouterManagerImpl}; elements and tests depend on this interface (or on the narrower
 * parts) only.
 *
 * <p>Commands reach routers through an {@link org.vrouter.api.agent.AgentManager}; a failed answer
 * becomes a {@link org.vrouter.api.error.CommandFailedException} here, so callers see completed
 * operations or exceptions. Implementations are thread-safe; every method blocks until done.
 */
public interface RouterManager extends RouterLifecycle, RuleApplier, VmDataApplier, VpnApplier {
    /**
     * Tells the network's routers (those at {@code destination} in Basic zones) that a series of
     * changes follows, so they collect them and apply once at {@link #completeAggregatedExecution}.
     * Routers without a NIC in the network yet are skipped.
     */
    void prepareAggregatedExecution(Network network, DeployDestination destination);

    /**
     * Tells the routers to apply the collected changes. Under an in-sequence update the first
     * router is marked UPDATE_COMPLETE, or all UPDATE_FAILED when it fails.
     */
    void completeAggregatedExecution(Network network, DeployDestination destination);

    /**
     * Reads a Running router's byte counters ({@code NetworkUsageCommand} get; for a VPC router one
     * per public address of its VPC, summed), then zeroes them when {@code reset} is set, so the
     * next read counts from here (CloudStack's {@code NetworkUsageTask} stores, then resets).
     *
     * @throws org.vrouter.api.error.InvalidStateException when the router is not Running
     * @throws org.vrouter.api.error.CommandFailedException when the router cannot read its counters
     */
    NetworkUsage networkUsage(long routerId, boolean reset);

    /** Discards collected changes after a failure. Default: nothing, as CloudStack's virtual router does. */
    default void cleanupAggregatedExecution(Network network, DeployDestination destination) {
    }
}
