package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

/**
 * The canonical form of a rule's CIDR list: IPv4 networks as the kernel keeps them
 * ({@code 10.1.2.3/24} is {@code 10.1.2.0/24}), without duplicates, sorted. "Any address" is the
 * empty list: an empty list, or one holding a {@code /0}, matches every address, so the rule
 * carries no address match at all (an ipset cannot hold a {@code /0} anyway).
 */
final class CidrLists {
    private static final Comparator<Cidr> ORDER = Comparator.comparing(Cidr::address).thenComparingInt(Cidr::prefixLength);

    private CidrLists() {}

    /**
     * @throws InvalidParameterException naming {@code field} for a null list, a null entry or an IPv6 network
     */
    static List<Cidr> canonical(String field, List<Cidr> cidrs) {
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
}
