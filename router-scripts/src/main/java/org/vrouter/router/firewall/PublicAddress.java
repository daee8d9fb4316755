package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * One public address of an isolated router (an {@code ips} databag entry with {@code nw_type}
 * public and {@code add: true}). Every public address gets its ingress firewall chain
 * {@code FIREWALL_<ip>}; a source-NAT address is where the guests' outgoing traffic leaves from.
 * Input to {@link IsolatedFirewallRenderer}.
 *
 * @param device the interface, {@code eth<N>} ({@code eth2} and up on an isolated router); N
 *     gives the connmark {@code 0x(100+N)} of connections arriving there
 * @param address the address with its prefix length, host bits set ({@code 203.0.113.20/24})
 * @param sourceNat whether this is the source-NAT address of its interface ({@code source_nat})
 */
public record PublicAddress(String device, Cidr address, boolean sourceNat) {
    public PublicAddress {
        NicNames.require("device", device);
        requireNonNull(address, "address is null");
        if (!address.isIpv4()) {
            throw new InvalidParameterException("public_ip", "the isolated router's public addresses are IPv4", address);
        }
    }

    /** The address itself ({@code public_ip}). */
    public IpAddress ip() {
        return address.address();
    }
}
