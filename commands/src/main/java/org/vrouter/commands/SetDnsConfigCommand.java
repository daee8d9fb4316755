package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The router's DNS service settings: the domain it serves, the upstream forwarders and extra host
 * records.
 *
 * <p><b>CloudStack has no such command.</b> There the domain and DNS servers travel in the boot
 * arguments ({@code domain}, {@code dns1}, {@code dns2}) and in {@link SetupGuestNetworkCommand}
 * ({@code domain_name}, {@code dns}), and host records are the VMs' DHCP entries
 * ({@link SetDhcpConfigCommand}). How this command maps onto the wire is the codec's decision; the
 * value itself is kept free of any wire shape.
 *
 * @param domain the DNS domain of the guest network ({@code cs2cloud.internal})
 * @param forwarders upstream servers, in order of preference, no duplicates
 * @param hostRecords host name (lower case) to its addresses, sorted by name; every list non-empty
 */
public record SetDnsConfigCommand(
        AccessDetails accessDetails,
        Optional<String> domain,
        List<IpAddress> forwarders,
        Map<String, List<IpAddress>> hostRecords) implements NetworkElementCommand {

    public SetDnsConfigCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(domain, "domain is null").ifPresent(value -> FieldChecks.requireHostName("domain", value));
        forwarders = CommandChecks.list(forwarders, "forwarders");
        Set<IpAddress> seen = new HashSet<>();
        CommandChecks.each(forwarders, "forwarders", ip -> {
            if (!seen.add(ip)) {
                throw new InvalidParameterException("address", "listed twice", ip);
            }
        });
        hostRecords = copyRecords(requireNonNull(hostRecords, "hostRecords is null"));
    }

    private static Map<String, List<IpAddress>> copyRecords(Map<String, List<IpAddress>> records) {
        Map<String, List<IpAddress>> sorted = new TreeMap<>();
        records.forEach((name, addresses) -> {
            FieldChecks.requireHostName("host_records", name);
            String key = name.toLowerCase(Locale.ROOT);
            List<IpAddress> copy = CommandChecks.nonEmpty(addresses, "host_records." + key);
            if (copy.stream().distinct().count() != copy.size()) {
                throw new InvalidParameterException("host_records." + key, "lists an address twice", copy);
            }
            if (sorted.put(key, copy) != null) {
                throw new InvalidParameterException("host_records", "host name listed twice (names are case-insensitive)", name);
            }
        });
        return Collections.unmodifiableMap(sorted);
    }
}
