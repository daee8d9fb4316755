package org.vrouter.api.element;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;

/**
 * An element that can collect a series of changes to a network and apply them at once (the
 * orchestrator brackets a network restart with these). Call order: {@link #prepareAggregatedExecution},
 * any service calls, then {@link #completeAggregatedExecution} on success or
 * {@link #cleanupAggregatedExecution} on failure. Complete or throw, as {@link NetworkElement}.
 */
public interface AggregatedCommandExecutor {
    /** Starts collecting changes for {@code network}. */
    void prepareAggregatedExecution(Network network, DeployDestination destination);

    /** Applies the collected changes. */
    void completeAggregatedExecution(Network network, DeployDestination destination);

    /** Discards collected changes after a failure. */
    void cleanupAggregatedExecution(Network network, DeployDestination destination);
}
