package org.vrouter.router.firewall;

import java.util.Optional;

import org.vrouter.api.net.Cidr;

/**
 * How one kernel rule matches one side of an address list: any address (both empty), one network,
 * or an ipset by name.
 */
record CidrMatch(Optional<Cidr> cidr, Optional<String> set) {
    static final CidrMatch ANY = new CidrMatch(Optional.empty(), Optional.empty());

    static CidrMatch of(Cidr cidr) {
        return new CidrMatch(Optional.of(cidr), Optional.empty());
    }

    static CidrMatch set(String name) {
        return new CidrMatch(Optional.empty(), Optional.of(name));
    }
}
