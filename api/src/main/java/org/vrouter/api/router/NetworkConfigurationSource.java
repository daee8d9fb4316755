package org.vrouter.api.router;

import org.vrouter.api.error.ResourceUnavailableException;

/**
 * Where a router manager reads a guest network's full configuration when it (re)starts a router:
 * implemented by the host controller, which owns networks, rules and VMs. vrouter never writes
 * through it.
 *
 * <p>Implementations must be thread-safe: the manager may call from several threads at once (one
 * per starting router, plus the health checker's restarts). A call may block on the controller's
 * store.
 */
@FunctionalInterface
public interface NetworkConfigurationSource {
    /**
     * The current configuration of network {@code networkId}.
     *
     * @throws ResourceUnavailableException when the network is unknown or cannot be read now
     */
    NetworkConfiguration load(long networkId);
}
