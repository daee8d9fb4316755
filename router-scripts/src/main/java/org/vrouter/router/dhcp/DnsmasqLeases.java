package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;

/**
 * dnsmasq's lease database as read (never written: only dnsmasq writes it, and it may be running).
 * IPv4 lines are {@code <expiry> <mac> <ip> <host|*> <client-id|*>}; after the
 * {@code duid <server duid>} line, IPv6 lines are {@code <expiry> <iaid> <ip> <host|*> <client duid>}.
 * Lines it cannot read (a non-Ethernet hardware type, a temporary IPv6 address) are skipped: no
 * reservation of ours can match them.
 */
record DnsmasqLeases(List<Ipv4Lease> ipv4, List<Ipv6Lease> ipv6, Optional<String> serverDuid) {
    private static final Logger log = LoggerFactory.getLogger(DnsmasqLeases.class);
    /** Client ids and DUIDs as dnsmasq writes them; anything else never reaches a command line. */
    private static final Pattern HEX_PAIRS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*");

    DnsmasqLeases {
        ipv4 = List.copyOf(requireNonNull(ipv4, "ipv4 is null"));
        ipv6 = List.copyOf(requireNonNull(ipv6, "ipv6 is null"));
        requireNonNull(serverDuid, "serverDuid is null");
    }

    /** An IPv4 lease; the client id is empty when dnsmasq wrote {@code *}. */
    record Ipv4Lease(MacAddress mac, IpAddress address, Optional<String> clientId) {}

    /** An IPv6 (non-temporary) lease. */
    record Ipv6Lease(long iaid, IpAddress address, String clientDuid) {}

    static DnsmasqLeases parse(String text) {
        List<Ipv4Lease> ipv4 = new ArrayList<>();
        List<Ipv6Lease> ipv6 = new ArrayList<>();
        Optional<String> serverDuid = Optional.empty();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[0].equals("duid") && HEX_PAIRS.matcher(fields[1]).matches()) {
                serverDuid = Optional.of(fields[1]);
            }
            else if (fields.length >= 5) {
                try {
                    IpAddress address = IpAddress.parse("lease address", fields[2]);
                    if (address.isIpv4()) {
                        ipv4.add(new Ipv4Lease(MacAddress.parse("lease hardware address", fields[1]), address,
                                HEX_PAIRS.matcher(fields[4]).matches() ? Optional.of(fields[4]) : Optional.empty()));
                    }
                    else if (fields[1].chars().allMatch(Character::isDigit) && HEX_PAIRS.matcher(fields[4]).matches()) {
                        ipv6.add(new Ipv6Lease(Long.parseLong(fields[1]), address, fields[4]));
                    }
                }
                catch (InvalidParameterException | NumberFormatException e) {
                    log.debug("skipping a lease line vrouter does not reserve: {}", e.getMessage());
                }
            }
        }
        return new DnsmasqLeases(ipv4, ipv6, serverDuid);
    }

    /** Whether the file holds any lease. */
    /** A reservation as a lease names it: the client (a MAC address, or an IPv6 client's DUID in lower case) and the address. */
    private record Reserved(Object client, IpAddress address) {}

    boolean holdsAny() {
        return !ipv4.isEmpty() || !ipv6.isEmpty();
    }

    /**
     * The leases no host of {@code input} reserves (IPv4: MAC and address; IPv6: client DUID and
     * address), each with the release command for the interface serving it. A lease on no served
     * interface is left alone: there is no interface to release it on.
     */
    List<DhcpRelease> stale(DhcpInput input) {
        if (!holdsAny()) {
            return List.of();
        }
        Set<Reserved> reserved = new HashSet<>(input.hosts().size() * 2);
        for (DhcpHost reservation : input.hosts()) {
            reserved.add(new Reserved(reservation.mac(), reservation.ipv4()));
            reservation.ipv6().ifPresent(address -> reserved.add(new Reserved(reservation.effectiveDuid(), address)));
        }
        List<DhcpRelease> releases = new ArrayList<>();
        for (Ipv4Lease lease : ipv4) {
            if (!reserved.contains(new Reserved(lease.mac(), lease.address()))) {
                input.interfaceServing(lease.address()).ifPresent(guest -> {
                    List<String> argv = new ArrayList<>(List.of("dhcp_release", guest.device(), lease.address().value(),
                            lease.mac().value()));
                    lease.clientId().ifPresent(argv::add);
                    releases.add(new DhcpRelease(guest.device(), lease.address(), argv));
                });
            }
        }
        if (serverDuid.isEmpty()) {
            return releases;
        }
        for (Ipv6Lease lease : ipv6) {
            if (!reserved.contains(new Reserved(lease.clientDuid().toLowerCase(Locale.ROOT), lease.address()))) {
                input.interfaceServing(lease.address()).ifPresent(guest -> releases.add(new DhcpRelease(guest.device(),
                        lease.address(), List.of("dhcp_release6", "--iface", guest.device(), "--client-id", lease.clientDuid(),
                                "--server-id", serverDuid.get(), "--iaid", Long.toString(lease.iaid()), "--ip",
                                lease.address().value()))));
            }
        }
        return releases;
    }
}
