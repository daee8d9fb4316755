package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * One VPC static route: CloudStack's static-route profile, an element of
 * {@code SetStaticRouteCommand}; on the wire one element of {@code routes} in
 * {@code static_routes.json} ({@code revoke}, {@code ip_address} = the private gateway's address,
 * {@code gateway} = next hop, {@code network}).
 *
 * <p>The network is normalised to its network address ({@code 192.168.50.7/24} becomes
 * {@code 192.168.50.0/24}), as CloudStack's converter does. Next hop and private-gateway address
 * are of the network's family.
 *
 * @param revoke the route is being removed (CloudStack: neither Active nor Add)
 */
public record StaticRouteTO(
        Cidr network,
        IpAddress gateway,
        IpAddress privateGatewayIp,
        boolean revoke) {

    public StaticRouteTO {
        network = requireNonNull(network, "network is null").network();
        requireNonNull(gateway, "gateway is null");
        requireNonNull(privateGatewayIp, "privateGatewayIp is null");
        TransferChecks.requireSameFamily("gateway", gateway, network.address(), "network");
        TransferChecks.requireSameFamily("ip_address", privateGatewayIp, network.address(), "network");
    }

    /** A route to add. */
    public static StaticRouteTO of(Cidr network, IpAddress gateway,
            IpAddress privateGatewayIp) {
        return new StaticRouteTO(network, gateway, privateGatewayIp, false);
    }

    /** This route marked for removal. */
    public StaticRouteTO revoked() {
        return new StaticRouteTO(network, gateway, privateGatewayIp, true);
    }
}
