package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.net.Cidr;

/**
 * How one kernel rule matches one side of an address list: any address (both empty), one network,
 * or an ipset by name. {@link CidrSets} hands them out; {@link RuleLine} writes them.
 */
public record CidrMatch(Optional<Cidr> cidr, Optional<String> set) {
    public static final CidrMatch ANY = new CidrMatch(Optional.empty(), Optional.empty());

    public CidrMatch {
        requireNonNull(cidr, "cidr is null");
        requireNonNull(set, "set is null");
        if (cidr.isPresent() && set.isPresent()) {
            throw new IllegalArgumentException("a network or a set, not both");
        }
    }

    public static CidrMatch of(Cidr cidr) {
        return new CidrMatch(Optional.of(cidr), Optional.empty());
    }

    public static CidrMatch set(String name) {
        return new CidrMatch(Optional.empty(), Optional.of(name));
    }
}
