package org.vrouter.guru.address;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.validation.FieldChecks;

/**
 * A set of addresses routers draw from, identified by its {@code name}: two pools with the same
 * name are the same pool, so the name carries the scope (CloudStack keeps one link-local pool per
 * pod: {@code link-local/zone-1/pod-2}).
 *
 * @param purpose when the addresses go back: {@link Purpose#CONTROL} when the router stops,
 *     {@link Purpose#GUEST} when it is destroyed
 * @param name the pool's identity, e.g. {@code link-local/zone-1/pod-2} or {@code guest/network-204}
 * @param range the addresses the pool may hand out
 * @param excluded addresses inside {@code range} never handed out (a gateway, a VRRP address)
 */
public record AddressPool(Purpose purpose, String name, IpRange range, Set<IpAddress> excluded) {
    /** When a router gives an address of the pool back. */
    public enum Purpose {
        /** Reaching the router: released on stop (CloudStack's link-local pool, VMware's pod addresses). */
        CONTROL,
        /** The router's own address in a guest network: kept while the router exists. */
        GUEST
    }

    public AddressPool {
        requireNonNull(purpose, "purpose is null");
        FieldChecks.requireIdentifier("pool", name);
        requireNonNull(range, "range is null");
        excluded = Set.copyOf(excluded);
    }

    /**
     * The link-local control pool of a pod (or of the zone when the router has no pod yet): every
     * host address of {@code controlCidr} but its gateway.
     */
    public static AddressPool linkLocal(long zoneId, OptionalLong podId, Cidr controlCidr, IpAddress controlGateway) {
        String scope = "link-local/zone-" + zoneId + podId.stream().mapToObj(pod -> "/pod-" + pod).findFirst().orElse("");
        return new AddressPool(Purpose.CONTROL, scope, hostRange("control_cidr", controlCidr), Set.of(controlGateway));
    }

    /** The pod management addresses VMware routers use as their control address. */
    public static AddressPool podManagement(long podId, IpRange range, IpAddress podGateway) {
        return new AddressPool(Purpose.CONTROL, "management/pod-" + podId, range, Set.of(podGateway));
    }

    /**
     * A guest network's addresses for routers (one pool per family): the host addresses of
     * {@code cidr} but the gateway, which is the VRRP virtual address of a redundant pair.
     */
    public static AddressPool guest(long networkId, Cidr cidr, Optional<IpAddress> gateway) {
        String family = cidr.isIpv4() ? "" : "/ipv6";
        return new AddressPool(Purpose.GUEST, "guest/network-" + networkId + family, hostRange("cidr", cidr),
                gateway.map(Set::of).orElse(Set.of()));
    }

    /**
     * The addresses of {@code cidr} a host may take: without the network address and, for IPv4,
     * without the broadcast address; a /31 or /32 (/127, /128) keeps every address.
     */
    static IpRange hostRange(String field, Cidr cidr) {
        Cidr network = cidr.network();
        int hostBits = (network.isIpv4() ? 32 : 128) - network.prefixLength();
        if (hostBits <= 1) {
            return new IpRange(network.address(), network.broadcast());
        }
        IpAddress first = Addresses.add(network.address(), 1);
        IpAddress last = network.isIpv4() ? Addresses.add(network.broadcast(), -1) : network.broadcast();
        if (first.compareTo(last) > 0) {
            throw new InvalidParameterException(field, "has no host addresses", cidr);
        }
        return new IpRange(first, last);
    }
}
