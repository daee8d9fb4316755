package org.vrouter.api.router;

import java.util.List;

import org.vrouter.api.network.Network;

/**
 * Deploying, starting, stopping and destroying routers: the lifecycle half of a
 * {@link RouterManager}.
 *
 * <p>Every method blocks until the operation is done and either completes or throws. State
 * changes follow {@link RouterState}; an illegal one throws
 * {@link org.vrouter.api.error.InvalidStateException} and changes nothing. Implementations are
 * thread-safe and serialize operations on one router.
 */
public interface RouterLifecycle {
    /**
     * Finds the network's routers and deploys and starts the missing ones (CloudStack's
     * {@code deployVirtualRouter}): the network is locked while routers are created, so two
     * concurrent calls do not create four routers.
     *
     * @return the network's routers, ascending by id
     * @throws org.vrouter.api.error.ConcurrentOperationException when the network lock is not granted in time
     * @throws org.vrouter.api.error.InsufficientCapacityException when no host or address is left
     * @throws org.vrouter.api.error.ResourceUnavailableException when a router does not come up
     */
    List<DomainRouter> deployRouters(RouterDeployment deployment);

    /**
     * Starts a Stopped router and replays its networks' configuration; a Running router is
     * returned as it is.
     *
     * @return the router as stored after the start
     * @throws org.vrouter.api.error.ResourceUnavailableException when the router does not come up;
     *     it is then Stopped again
     * @throws org.vrouter.api.error.CommandFailedException when the configuration batch fails; the
     *     router is then stopped
     */
    DomainRouter start(long routerId);

    /**
     * Stops a router; a Stopped router is returned as it is.
     *
     * @param forced stop even if the hypervisor does not confirm a clean shutdown
     */
    DomainRouter stop(long routerId, boolean forced);

    /** Stops and starts a Running router, replaying its configuration (CloudStack's {@code rebootRouter}). */
    DomainRouter reboot(long routerId);

    /** Stops the router if needed and destroys it; its row is removed. Destroying an unknown id does nothing. */
    void destroy(long routerId);

    /** The network's routers with role VIRTUAL_ROUTER, ascending by id; empty when it has none. */
    List<DomainRouter> routers(long networkId);

    /** The VPC's routers with role VIRTUAL_ROUTER, ascending by id; empty when it has none. */
    List<DomainRouter> vpcRouters(long vpcId);

    /**
     * Takes VPC tier {@code tier} off its VPC's routers (CloudStack's
     * {@code removeVpcRouterFromGuestNetwork}): a Running router gets the tier's guest network
     * removed ({@code SetupGuestNetworkCommand} with add=false) and its NIC in the tier unplugged
     * ({@code UnPlugNicCommand}); a Stopped one just stops serving the tier. Routers that do not
     * serve the tier are left alone. Tiers are added by {@link #deployRouters} with a VPC deployment,
     * which plugs the tier into the VPC's existing routers.
     *
     * @throws org.vrouter.api.error.InvalidParameterException naming {@code vpc_id} when {@code tier}
     *     is not a VPC tier
     * @throws org.vrouter.api.error.CommandFailedException when a router refuses; the router keeps the tier
     */
    void removeVpcTier(Network tier);

    /**
     * Asks each Running member of the network's redundant pair for its VRRP state
     * ({@code CheckRouterCommand}) and stores it; a router that cannot answer becomes UNKNOWN.
     *
     * @return the network's routers with their new redundant state
     */
    List<DomainRouter> refreshRedundantState(long networkId);
}
