package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * One classless static route handed to a VM by DHCP option 121 (RFC 3442): a destination network
 * and the next hop, both IPv4. From the {@code static_routes} of a {@code dhcpentry}.
 */
public record ClasslessRoute(Cidr destination, IpAddress gateway) {
    public ClasslessRoute {
        requireNonNull(destination, "destination is null");
        requireNonNull(gateway, "gateway is null");
        if (!destination.isIpv4()) {
            throw new InvalidParameterException("destination", "must be an IPv4 network", destination);
        }
        if (!destination.isNetworkAddress()) {
            throw new InvalidParameterException("destination", "host bits set in network CIDR (did you mean "
                    + destination.network() + "?)", destination);
        }
        if (!gateway.isIpv4()) {
            throw new InvalidParameterException("gateway", "must be an IPv4 address", gateway);
        }
    }

    /** Parses {@code 10.9.0.0/16} and {@code 10.1.1.254}, naming the fields in errors. */
    public static ClasslessRoute of(String destination, String gateway) {
        return new ClasslessRoute(Cidr.parse("destination", destination), IpAddress.parse("gateway", gateway));
    }

    /** The route in dnsmasq's option 121 syntax: {@code 10.9.0.0/16,10.1.1.254}. */
    String optionValue() {
        return destination + "," + gateway;
    }
}
