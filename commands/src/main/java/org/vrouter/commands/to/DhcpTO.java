package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;

/**
 * One subnet dnsmasq serves: CloudStack's {@code DhcpTO(routerIp, gateway, netmask, startIpOfSubnet)},
 * carried by {@code DnsMasqConfigCommand}. The first of a command is the router's guest NIC, the
 * others its IP aliases.
 *
 * <p>Invariants: IPv4 throughout; the router address and the gateway lie in the subnet that
 * {@code firstIpOfSubnet} and {@code netmask} describe.
 *
 * @param firstIpOfSubnet the subnet's network address ({@code first_ip_of_subnet})
 */
public record DhcpTO(IpAddress routerIp, IpAddress gateway, Netmask netmask, IpAddress firstIpOfSubnet) {
    public DhcpTO {
        requireNonNull(routerIp, "routerIp is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(firstIpOfSubnet, "firstIpOfSubnet is null");
        routerIp.requireIpv4("router_ip_address");
        gateway.requireIpv4("gateway");
        firstIpOfSubnet.requireIpv4("first_ip_of_subnet");
        Cidr subnet = Cidr.of(firstIpOfSubnet, netmask);
        if (!subnet.isNetworkAddress()) {
            throw new InvalidParameterException("first_ip_of_subnet", "is not the network address of its subnet /" + netmask.prefixLength(),
                    firstIpOfSubnet);
        }
        TransferChecks.requireInSubnet("router_ip_address", routerIp, firstIpOfSubnet, netmask);
        TransferChecks.requireInSubnet("gateway", gateway, firstIpOfSubnet, netmask);
    }

    /** The subnet of {@code cidr} served with the router at {@code routerIp} and its gateway. */
    public static DhcpTO of(IpAddress routerIp, IpAddress gateway, Cidr cidr) {
        return new DhcpTO(routerIp, gateway, cidr.netmask(), cidr.network().address());
    }
}
