package org.vrouter.api.router;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Vpc;

/**
 * What a router deployment is for (CloudStack's {@code RouterDeploymentDefinition}): the guest
 * network, where to deploy, the source NAT address when the router provides source NAT, and the
 * routers the network already has (a redundant pair's first member decides the second's role).
 *
 * <p>Validated at construction: the destination is in the network's zone; a source NAT address is
 * marked source NAT and belongs to the network; existing routers serve the network; a VPC is given
 * exactly for a VPC tier and is that tier's VPC.
 *
 * @param network the guest network, carrying the offering to deploy with
 * @param sourceNatIp the public source NAT address, when the router provides SourceNat
 * @param existingRouters the network's routers, in ascending id order
 * @param vpc the VPC, for a VPC tier
 */
public record RouterDeployment(Network network, DeployDestination destination, Optional<PublicIpAddress> sourceNatIp,
        List<DomainRouter> existingRouters, Optional<Vpc> vpc) {

    /** CloudStack's limit on routers per network (a redundant pair). */
    public static final int MAX_ROUTERS = 2;

    public RouterDeployment {
        requireNonNull(network, "network is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(sourceNatIp, "sourceNatIp is null");
        existingRouters = List.copyOf(existingRouters);
        requireNonNull(vpc, "vpc is null");
        if (destination.zone().id() != network.zone().id()) {
            throw new InvalidParameterException("zone_id", "destination zone differs from the network's zone " + network.zone().id(),
                    destination.zone().id());
        }
        if (sourceNatIp.isPresent()) {
            PublicIpAddress ip = sourceNatIp.get();
            if (!ip.sourceNat()) {
                throw new InvalidParameterException("source_nat_ip", "address is not marked source NAT", ip.address());
            }
            if (ip.networkId().isPresent() && ip.networkId().getAsLong() != network.id()) {
                throw new InvalidParameterException("source_nat_ip", "address belongs to network " + ip.networkId().getAsLong(), ip.address());
            }
        }
        for (int i = 0; i < existingRouters.size(); i++) {
            if (!existingRouters.get(i).serves(network.id())) {
                throw new InvalidParameterException("existing_routers[" + i + "]", "does not serve network " + network.id(),
                        existingRouters.get(i).instanceName());
            }
        }
        if (vpc.isPresent() != network.vpcId().isPresent()
                || vpc.isPresent() && vpc.get().id() != network.vpcId().getAsLong()) {
            throw new InvalidParameterException("vpc_id", "the VPC must be given exactly for a VPC tier, and be the tier's VPC",
                    vpc.map(v -> (Object) v.id()).orElse("none"));
        }
    }

    /** A deployment for an isolated or shared network with no routers yet. */
    public static RouterDeployment of(Network network, DeployDestination destination, Optional<PublicIpAddress> sourceNatIp) {
        return new RouterDeployment(network, destination, sourceNatIp, List.of(), Optional.empty());
    }

    /** Whether the offering, or for a tier its VPC, asks for a redundant pair (a VPC's tier offerings are not redundant themselves). */
    public boolean isRedundant() {
        return network.offering().redundantRouter() || vpc.map(Vpc::redundant).orElse(false);
    }

    /** How many routers the network should have: 2 for a redundant offering or VPC, else 1. */
    public int expectedRouterCount() {
        return isRedundant() ? MAX_ROUTERS : 1;
    }

    /** How many routers are missing: {@code max(0, expected - existing)}. */
    public int missingRouterCount() {
        return Math.max(0, expectedRouterCount() - existingRouters.size());
    }
}
