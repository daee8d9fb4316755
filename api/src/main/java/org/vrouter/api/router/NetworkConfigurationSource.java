package org.vrouter.api.router;

import org.vrouter.api.error.ResourceUnavailableException;
import java.util.List;

import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;

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

    /**
     * The VPC {@code vpcId}, for (re)starting a VPC router and for the VPC-wide appliers (static
     * routes, VPC IP association). Controllers without VPCs need not implement it.
     *
     * @throws ResourceUnavailableException when the VPC is unknown or cannot be read now
     * @throws UnsupportedOperationException by default: the controller has no VPCs
     */
    default Vpc vpc(long vpcId) {
        throw new UnsupportedOperationException("this network configuration source has no VPCs (asked for VPC " + vpcId + ")");
    }

    /**
     * The private gateways of VPC {@code vpcId} with their ACLs, replayed when a router of the VPC
     * starts. Default: none.
     */
    default List<PrivateGateway> privateGateways(long vpcId) {
        return List.of();
    }
}
