package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.AccessDetails;

/**
 * The access details of management-side §11.1, one method per combination the matrix of §11.2
 * uses, and the preconditions they share: a router has a control address, serves the network, and
 * a NIC belongs to it.
 */
final class Envelope {
    private Envelope() {}

    /** {@code router.ip} and {@code router.name}. */
    static AccessDetails.Builder router(DomainRouter router) {
        return AccessDetails.builder().routerIp(controlIp(router)).routerName(router.instanceName());
    }

    /** {@code router.ip}, {@code router.name}, {@code zone.network.type}. */
    static AccessDetails.Builder inZone(DomainRouter router, Zone zone) {
        return router(router).zoneNetworkType(zone.networkType());
    }

    /** {@code router.ip}, {@code router.name}, {@code router.guest.ip} (when the router has one in the network). */
    static AccessDetails.Builder guest(DomainRouter router, Network network) {
        requireServes(router, network);
        AccessDetails.Builder details = router(router);
        router.guestIp(network.id()).ifPresent(details::routerGuestIp);
        return details;
    }

    /** As {@link #guest}, plus {@code zone.network.type}: the usual envelope of a network's rule commands. */
    static AccessDetails.Builder inNetwork(DomainRouter router, Network network) {
        return guest(router, network).zoneNetworkType(network.zone().networkType());
    }

    static IpAddress controlIp(DomainRouter router) {
        requireNonNull(router, "router is null");
        return router.controlIp().orElseThrow(() -> new InvalidParameterException(AccessDetails.ROUTER_IP,
                router.displayName() + " has no control address yet (not started)"));
    }

    /** The router's own address in the network, needed where a command carries it as a typed field. */
    static IpAddress requireGuestIp(DomainRouter router, Network network) {
        return router.guestIp(network.id()).orElseThrow(() -> new InvalidParameterException(AccessDetails.ROUTER_GUEST_IP,
                router.displayName() + " has no address in network " + network.id()));
    }

    static void requireServes(DomainRouter router, Network network) {
        requireNonNull(network, "network is null");
        if (!router.serves(network.id())) {
            throw new InvalidParameterException("network_id", router.displayName() + " does not serve the network", network.id());
        }
    }

    static Nic requireNicIn(Nic nic, Network network) {
        requireNonNull(nic, "nic is null");
        if (nic.networkId() != network.id()) {
            throw new InvalidParameterException("nic.network_id", "the NIC is not in network " + network.id(), nic.networkId());
        }
        return nic;
    }

    /** Whether a virtual router (of an isolated network or of a VPC) provides {@code service} in the network. */
    static boolean providedByRouter(Network network, Service service) {
        return network.isProvidedBy(service, Provider.VIRTUAL_ROUTER) || network.isProvidedBy(service, Provider.VPC_VIRTUAL_ROUTER);
    }
}
