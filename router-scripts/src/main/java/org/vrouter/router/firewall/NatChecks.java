package org.vrouter.router.firewall;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * The consistency checks every firewall input with NAT makes (isolated and VPC routers): each rule
 * names a public address of the router, each NAT target lies in one of its guest networks or tiers,
 * no two forwards take the same public port, static NAT is never on a source-NAT address and at most
 * one per address. Errors name the wire field ({@code port_forwards[2].internal_ip}) and the value.
 */
public final class NatChecks {
    private NatChecks() {}

    /**
     * The public addresses by address.
     *
     * @throws InvalidParameterException if an address is given twice
     */
    public static Map<IpAddress, PublicAddress> byIp(List<PublicAddress> publics) {
        Map<IpAddress, PublicAddress> byIp = new HashMap<>();
        for (int i = 0; i < publics.size(); i++) {
            if (byIp.put(publics.get(i).ip(), publics.get(i)) != null) {
                throw new InvalidParameterException("public_addresses[" + i + "].public_ip", "is given twice", publics.get(i).ip());
            }
        }
        return byIp;
    }

    /**
     * Checks port forwards and static NATs against the router's public addresses and guest networks.
     *
     * @throws InvalidParameterException naming the first entry that is not consistent
     */
    public static void check(Map<IpAddress, PublicAddress> publics, List<GuestNic> guests, List<PortForward> forwards,
            List<StaticNat> staticNats) {
        for (int i = 0; i < forwards.size(); i++) {
            requirePublic(publics, forwards.get(i).publicIp(), "port_forwards[" + i + "].public_ip");
            requireGuest(guests, forwards.get(i).vmIp(), "port_forwards[" + i + "].internal_ip");
        }
        List<PortForward> sorted = SortKeys.sorted(forwards, PortForward::sortKey);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                PortForward forward = sorted.get(i);
                throw new InvalidParameterException("port_forwards", "two forwards take the same public port",
                        forward.publicIp() + " " + forward.protocol() + " " + forward.publicPorts().toColonForm());
            }
        }
        Set<IpAddress> natted = new HashSet<>();
        for (int i = 0; i < staticNats.size(); i++) {
            StaticNat nat = staticNats.get(i);
            String field = "static_nats[" + i + "].public_ip";
            if (requirePublic(publics, nat.publicIp(), field).sourceNat()) {
                throw new InvalidParameterException(field, "static NAT on the source-NAT address", nat.publicIp());
            }
            if (!natted.add(nat.publicIp())) {
                throw new InvalidParameterException(field, "has a second static NAT", nat.publicIp());
            }
            requireGuest(guests, nat.vmIp(), "static_nats[" + i + "].internal_ip");
        }
    }

    /**
     * The public address {@code ip}.
     *
     * @throws InvalidParameterException naming {@code field} if the router does not hold it
     */
    public static PublicAddress requirePublic(Map<IpAddress, PublicAddress> publics, IpAddress ip, String field) {
        PublicAddress address = publics.get(ip);
        if (address == null) {
            throw new InvalidParameterException(field, "is not a public address of the router", ip);
        }
        return address;
    }

    private static void requireGuest(List<GuestNic> guests, IpAddress ip, String field) {
        for (GuestNic guest : guests) {
            if (guest.network().contains(ip)) {
                return;
            }
        }
        throw new InvalidParameterException(field, "is in no guest network of the router", ip);
    }
}
