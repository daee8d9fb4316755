package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

/**
 * The canonical form of a rule's CIDR list: IPv4 networks as the kernel keeps them
 * ({@code 10.1.2.3/24} is {@code 10.1.2.0/24}), without duplicates, sorted. "Any address" is the
 * empty list: an empty list, or one holding a {@code /0}, matches every address, so the rule
 * carries no address match at all (an ipset cannot hold a {@code /0} anyway).
 */
public final class CidrLists {
    private static final Comparator<Cidr> ORDER = Comparator.comparing(Cidr::address).thenComparingInt(Cidr::prefixLength);

    private CidrLists() {}

    /**
     * @throws InvalidParameterException naming {@code field} for a null list, a null entry or an IPv6 network
     */
    public static List<Cidr> canonical(String field, List<Cidr> cidrs) {
        if (cidrs == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        Set<Cidr> distinct = new LinkedHashSet<>();
        for (int index = 0; index < cidrs.size(); index++) {
            Cidr cidr = cidrs.get(index);
            if (cidr == null) {
                throw new InvalidParameterException(field + "[" + index + "]", "is missing");
            }
            if (!cidr.isIpv4()) {
                throw new InvalidParameterException(field + "[" + index + "]", "the IPv4 firewall takes IPv4 networks only", cidr);
            }
            if (cidr.prefixLength() == 0) {
                return List.of();
            }
            distinct.add(cidr.network());
        }
        List<Cidr> sorted = new ArrayList<>(distinct);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    /**
     * The IPv4 networks of a list as the IPv4 firewall takes it: the list itself when it is empty (any
     * address) or holds an IPv4 network; empty when it named only IPv6 networks, so that the caller
     * leaves the rule out rather than let it match every IPv4 address.
     */
    public static Optional<List<Cidr>> ipv4Only(List<Cidr> cidrs) {
        List<Cidr> ipv4 = cidrs.stream().filter(Cidr::isIpv4).toList();
        return cidrs.isEmpty() || !ipv4.isEmpty() ? Optional.of(ipv4) : Optional.empty();
    }
}
