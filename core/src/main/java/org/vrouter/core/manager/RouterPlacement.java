package org.vrouter.core.manager;

import java.util.Optional;
import java.util.Set;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.RouterDeployment;

/**
 * Chooses the host a router starts on (the part of CloudStack's deployment planner a router
 * needs). Called by {@link RouterManagerImpl} for every router it deploys and for every start of a
 * stopped router. {@link HostCandidates} is the simple implementation; a host controller with its
 * own planner adapts it here.
 *
 * <p>Implementations are thread-safe and send nothing.
 */
@FunctionalInterface
public interface RouterPlacement {
    /**
     * A host-level destination for one router of {@code deployment}.
     *
     * @param deployment what the router is for; its destination may be a zone, pod, cluster or host
     * @param hypervisor the hypervisor the router is bound to (a router restarting after a stop), or
     *     empty for a new router
     * @param avoidHostIds the hosts of the router's redundant peers: a different host is preferred
     *     when one is available, never required
     * @return a destination with a host, inside {@code deployment.destination()}
     * @throws org.vrouter.api.error.InsufficientCapacityException when no host fits
     */
    DeployDestination place(RouterDeployment deployment, Optional<HypervisorType> hypervisor, Set<Long> avoidHostIds);
}
