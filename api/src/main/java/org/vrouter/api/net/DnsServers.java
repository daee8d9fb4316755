package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Up to two IPv4 and two IPv6 name servers, as a zone or network hands them to routers
 * ({@code dns1}, {@code dns2}, {@code ip6dns1}, {@code ip6dns2} boot arguments and DHCP options).
 * Each slot is empty or holds an address of the right family.
 */
public record DnsServers(Optional<IpAddress> dns1, Optional<IpAddress> dns2, Optional<IpAddress> ip6Dns1, Optional<IpAddress> ip6Dns2) {
    private static final DnsServers NONE = new DnsServers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public DnsServers {
        requireNonNull(dns1, "dns1 is null");
        requireNonNull(dns2, "dns2 is null");
        requireNonNull(ip6Dns1, "ip6Dns1 is null");
        requireNonNull(ip6Dns2, "ip6Dns2 is null");
        requireFamily("dns1", dns1, true);
        requireFamily("dns2", dns2, true);
        requireFamily("ip6dns1", ip6Dns1, false);
        requireFamily("ip6dns2", ip6Dns2, false);
    }

    /** No name servers at all. */
    public static DnsServers none() {
        return NONE;
    }

    /** One IPv4 name server. */
    public static DnsServers ipv4(IpAddress dns1) {
        return new DnsServers(Optional.of(dns1), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Two IPv4 name servers. */
    public static DnsServers ipv4(IpAddress dns1, IpAddress dns2) {
        return new DnsServers(Optional.of(dns1), Optional.of(dns2), Optional.empty(), Optional.empty());
    }

    /** The same IPv4 servers with these IPv6 ones. */
    public DnsServers withIpv6(Optional<IpAddress> first, Optional<IpAddress> second) {
        return new DnsServers(dns1, dns2, first, second);
    }

    /** Whether no slot is filled. */
    public boolean isEmpty() {
        return dns1.isEmpty() && dns2.isEmpty() && ip6Dns1.isEmpty() && ip6Dns2.isEmpty();
    }

    /** The filled slots in order dns1, dns2, ip6dns1, ip6dns2. */
    public List<IpAddress> all() {
        List<IpAddress> all = new ArrayList<>(4);
        dns1.ifPresent(all::add);
        dns2.ifPresent(all::add);
        ip6Dns1.ifPresent(all::add);
        ip6Dns2.ifPresent(all::add);
        return List.copyOf(all);
    }

    private static void requireFamily(String field, Optional<IpAddress> address, boolean ipv4) {
        address.ifPresent(ip -> {
            if (ipv4) {
                ip.requireIpv4(field);
            }
            else {
                ip.requireIpv6(field);
            }
        });
    }
}
