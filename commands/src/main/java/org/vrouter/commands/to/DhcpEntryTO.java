package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The DHCP/DNS entry of one VM NIC: the content of CloudStack's {@code DhcpEntryCommand}; an element
 * of {@code SetDhcpConfigCommand}, and on the wire one whole {@code vm_dhcp_entry.json}
 * ({@code host_name}, {@code mac_address}, {@code ipv4_address}, {@code ipv6_address},
 * {@code ipv6_duid}, {@code dns_addresses} (comma-joined), {@code default_gateway},
 * {@code static_routes}, {@code default_entry}, {@code lease_time}, {@code remove}).
 *
 * <p>The DUID defaults to the DUID-LL CloudStack derives from the MAC,
 * {@code 00:03:00:01:<mac>}. Invariants: at least one of IPv4 and IPv6; the default gateway and
 * DNS servers are IPv4, the IPv6 gateway IPv6; the host name is an RFC 1123 name (no comma,
 * space or newline, which would corrupt dnsmasq's host files).
 *
 * @param defaultEntry this NIC is the VM's default NIC (its gateway becomes the default route)
 * @param staticRoutes CloudStack's static-routes string, passed through; no whitespace or quotes
 * @param ipv6Duid lower-case colon-separated hex octets
 * @param leaseTimeSeconds DHCP lease time; 0 means infinite
 * @param remove remove this entry (the router deletes the entry with this MAC)
 */
public record DhcpEntryTO(
        MacAddress macAddress,
        Optional<IpAddress> ipv4Address,
        Optional<IpAddress> ipv6Address,
        String hostName,
        boolean defaultEntry,
        List<IpAddress> dnsAddresses,
        Optional<IpAddress> defaultGateway,
        Optional<String> staticRoutes,
        Optional<IpAddress> ipv6Gateway,
        String ipv6Duid,
        long leaseTimeSeconds,
        boolean remove) {

    private static final Pattern DUID = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){1,129}");

    public DhcpEntryTO {
        requireNonNull(macAddress, "macAddress is null");
        optional(ipv4Address, "ipv4Address").ifPresent(ip -> ip.requireIpv4("ipv4_address"));
        optional(ipv6Address, "ipv6Address").ifPresent(ip -> ip.requireIpv6("ipv6_address"));
        if (ipv4Address.isEmpty() && ipv6Address.isEmpty()) {
            throw new InvalidParameterException("ipv4_address", "an entry needs an IPv4 or an IPv6 address");
        }
        FieldChecks.requireHostName("host_name", hostName);
        dnsAddresses = TransferChecks.list(dnsAddresses, "dnsAddresses");
        dnsAddresses.forEach(ip -> ip.requireIpv4("dns_addresses"));
        optional(defaultGateway, "defaultGateway").ifPresent(ip -> ip.requireIpv4("default_gateway"));
        optional(staticRoutes, "staticRoutes").ifPresent(routes -> {
            FieldChecks.requireSafeText("static_routes", routes);
            if (routes.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidParameterException("static_routes", "must not contain whitespace", routes);
            }
        });
        optional(ipv6Gateway, "ipv6Gateway").ifPresent(ip -> ip.requireIpv6("ipv6_gateway"));
        requireNonNull(ipv6Duid, "ipv6Duid is null");
        if (!DUID.matcher(ipv6Duid).matches()) {
            throw new InvalidParameterException("ipv6_duid", "not a DUID (lower-case hex octets separated by ':')", ipv6Duid);
        }
        FieldChecks.requireNonNegative("lease_time", leaseTimeSeconds);
    }

    /** CloudStack's DUID-LL for a MAC: {@code 00:03:00:01:} followed by the MAC. */
    public static String duidFromMac(MacAddress mac) {
        return "00:03:00:01:" + mac.value();
    }

    /** Starts an entry to add, with its DUID derived from {@code mac} unless set. */
    public static Builder builder(MacAddress mac, String hostName) {
        return new Builder(mac, hostName);
    }

    /** Collects an entry's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final MacAddress macAddress;
        private final String hostName;
        private IpAddress ipv4Address;
        private IpAddress ipv6Address;
        private boolean defaultEntry = true;
        private final List<IpAddress> dnsAddresses = new ArrayList<>();
        private IpAddress defaultGateway;
        private String staticRoutes;
        private IpAddress ipv6Gateway;
        private String ipv6Duid;
        private long leaseTimeSeconds;
        private boolean remove;

        private Builder(MacAddress macAddress, String hostName) {
            this.macAddress = requireNonNull(macAddress, "macAddress is null");
            this.hostName = requireNonNull(hostName, "hostName is null");
        }

        public Builder ipv4(IpAddress address) {
            this.ipv4Address = requireNonNull(address, "address is null");
            return this;
        }

        public Builder ipv6(IpAddress address) {
            this.ipv6Address = requireNonNull(address, "address is null");
            return this;
        }

        /** Defaults to true, as CloudStack's five-argument {@code DhcpEntryCommand}. */
        public Builder defaultEntry(boolean defaultEntry) {
            this.defaultEntry = defaultEntry;
            return this;
        }

        public Builder dns(IpAddress address) {
            dnsAddresses.add(requireNonNull(address, "address is null"));
            return this;
        }

        public Builder defaultGateway(IpAddress gateway) {
            this.defaultGateway = requireNonNull(gateway, "gateway is null");
            return this;
        }

        public Builder staticRoutes(String routes) {
            this.staticRoutes = requireNonNull(routes, "routes is null");
            return this;
        }

        public Builder ipv6Gateway(IpAddress gateway) {
            this.ipv6Gateway = requireNonNull(gateway, "gateway is null");
            return this;
        }

        /** Overrides the DUID derived from the MAC; any case is accepted. */
        public Builder ipv6Duid(String duid) {
            this.ipv6Duid = requireNonNull(duid, "duid is null").toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder leaseTimeSeconds(long seconds) {
            this.leaseTimeSeconds = seconds;
            return this;
        }

        public Builder remove(boolean remove) {
            this.remove = remove;
            return this;
        }

        public DhcpEntryTO build() {
            String duid = ipv6Duid != null ? ipv6Duid : duidFromMac(macAddress);
            return new DhcpEntryTO(macAddress, Optional.ofNullable(ipv4Address), Optional.ofNullable(ipv6Address),
                    hostName, defaultEntry, dnsAddresses, Optional.ofNullable(defaultGateway),
                    Optional.ofNullable(staticRoutes), Optional.ofNullable(ipv6Gateway), duid, leaseTimeSeconds, remove);
        }
    }
}
