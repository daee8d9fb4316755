package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * Everything dnsmasq needs, as the converger maps it from the databags: the boot arguments
 * ({@code type}, {@code name}, {@code domain}, {@code dns1}/{@code dns2}, {@code useextdns}), the
 * guest interfaces ({@code guestnetwork} entries or the boot arguments) and the live
 * {@code dhcpentry} entries. Independent of the databag model, so the renderer can be tested and
 * reused on its own. Field names in errors are the wire's.
 *
 * @param routerType {@code type}: isolated and shared-network routers also serve the name
 *     {@code data-server} (the metadata server) on their guest address
 * @param routerName {@code name}, the router's host name ({@code r-12-VM})
 * @param domain {@code domain}, the DNS domain served locally and handed to VMs
 * @param upstreamDns {@code dns1}, {@code dns2} (and the IPv6 ones): where dnsmasq forwards other
 *     names; with {@code useExternalDns}, also what VMs are told to use
 * @param useExternalDns {@code useextdns}: VMs get the external name servers, not the router
 * @param interfaces the interfaces DHCP is served on, each device at most once, IPv4 networks disjoint
 * @param hosts the reservations, each IPv4 and IPv6 address at most once
 * @param forwarders vrouter's {@code dnsconfig} forwarders, in preference order: when given, they replace
 *     {@code upstreamDns} as where dnsmasq forwards (see {@link #upstreamServers()})
 * @param hostRecords vrouter's {@code dnsconfig} host records: extra names (RFC 1123, lower case) dnsmasq
 *     answers for, each with its addresses; sorted by name
 */
public record DhcpInput(RouterType routerType, String routerName, String domain, DnsServers upstreamDns,
        boolean useExternalDns, List<GuestInterface> interfaces, List<DhcpHost> hosts, List<IpAddress> forwarders,
        Map<String, List<IpAddress>> hostRecords) {
    public DhcpInput {
        requireNonNull(routerType, "routerType is null");
        requireNonNull(routerName, "routerName is null");
        requireNonNull(domain, "domain is null");
        requireNonNull(upstreamDns, "upstreamDns is null");
        interfaces = List.copyOf(requireNonNull(interfaces, "interfaces is null"));
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        forwarders = List.copyOf(requireNonNull(forwarders, "forwarders is null"));
        hostRecords = sortedRecords(requireNonNull(hostRecords, "hostRecords is null"));
        FieldChecks.requireHostName("name", routerName);
        FieldChecks.requireHostName("domain", domain);
        Set<String> devices = new HashSet<>();
        for (int i = 0; i < interfaces.size(); i++) {
            GuestInterface guest = interfaces.get(i);
            if (!devices.add(guest.device())) {
                throw new InvalidParameterException("guestnetwork[" + guest.device() + "].device", "appears twice", guest.device());
            }
            for (GuestInterface other : interfaces.subList(0, i)) {
                // dnsmasq could not tell which network a reservation belongs to
                if (guest.address().network().contains(other.address().network())
                        || other.address().network().contains(guest.address().network())) {
                    throw new InvalidParameterException("guestnetwork[" + guest.device() + "].router_guest_ip",
                            "overlaps the network of " + other.device() + " (" + other.address().network() + ")", guest.address());
                }
            }
        }
        Set<IpAddress> addresses = new HashSet<>(hosts.size() * 2 + 16);
        for (DhcpHost host : hosts) {
            if (!addresses.add(host.ipv4())) {
                throw new InvalidParameterException("dhcpentry[" + host.ipv4() + "].ipv4_address", "reserved twice", host.ipv4());
            }
            host.ipv6().ifPresent(ipv6 -> {
                if (!addresses.add(ipv6)) {
                    throw new InvalidParameterException("dhcpentry[" + host.ipv4() + "].ipv6_address", "reserved twice", ipv6);
                }
            });
        }
    }

    /** An input without vrouter's {@code dnsconfig} settings: CloudStack's boot arguments and bags alone. */
    public DhcpInput(RouterType routerType, String routerName, String domain, DnsServers upstreamDns, boolean useExternalDns,
            List<GuestInterface> interfaces, List<DhcpHost> hosts) {
        this(routerType, routerName, domain, upstreamDns, useExternalDns, interfaces, hosts, List.of(), Map.of());
    }

    /** Where dnsmasq forwards names it does not serve: the {@code dnsconfig} forwarders, else the boot arguments' servers. */
    public List<IpAddress> upstreamServers() {
        return forwarders.isEmpty() ? upstreamDns.all() : forwarders;
    }

    private static Map<String, List<IpAddress>> sortedRecords(Map<String, List<IpAddress>> records) {
        Map<String, List<IpAddress>> sorted = new TreeMap<>();
        records.forEach((name, addresses) -> {
            String field = "host_records[" + name + "]";
            FieldChecks.requireHostName(field, name);
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidParameterException(field, "must be lower case", name);
            }
            if (addresses.isEmpty()) {
                throw new InvalidParameterException(field + ".addresses", "must list at least one address");
            }
            sorted.put(name, List.copyOf(addresses));
        });
        return Collections.unmodifiableMap(sorted);
    }

    /** The interface whose network (or IPv6 prefix) holds {@code address}. */
    Optional<GuestInterface> interfaceServing(IpAddress address) {
        for (GuestInterface guest : interfaces) {
            if (guest.serves(address)) {
                return Optional.of(guest);
            }
        }
        return Optional.empty();
    }
}
