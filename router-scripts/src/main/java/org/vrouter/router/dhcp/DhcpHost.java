package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

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
 * One VM NIC that dnsmasq serves: a static DHCP reservation and a DNS name. The converger builds one
 * per live {@code dhcpentry} (tombstones with {@code remove: true} are left out). Field names in
 * errors are the wire's.
 *
 * @param mac {@code mac_address}
 * @param ipv4 {@code ipv4_address}
 * @param hostName {@code host_name}, served in DNS and handed to the VM
 * @param defaultEntry {@code default_entry}: this is the VM's default NIC. A non-default NIC gets no
 *     router, name server or domain from DHCP, so it cannot take over the VM's default route.
 * @param ipv6 {@code ipv6_address}, reserved by DHCPv6 for the client {@link #duid()}
 * @param duid {@code ipv6_duid} in lower-case colon hex; empty means the DUID-LL of the MAC
 * @param leaseSeconds {@code lease_time} in seconds, 0 for an infinite lease (CloudStack's default:
 *     an infinite lease survives a lost lease file)
 * @param staticRoutes {@code static_routes}, sent as option 121
 * @param dnsAddresses {@code dns_addresses}: name servers for this NIC when they differ from its network's
 * @param gateway {@code default_gateway}: the router for this NIC when it differs from its
 *     network's; {@code 0.0.0.0} means none
 */
public record DhcpHost(MacAddress mac, IpAddress ipv4, String hostName, boolean defaultEntry, Optional<IpAddress> ipv6,
        Optional<String> duid, long leaseSeconds, List<ClasslessRoute> staticRoutes, List<IpAddress> dnsAddresses,
        Optional<IpAddress> gateway) {
    /** A DUID: 2 to 130 bytes as colon-separated hex pairs (RFC 8415 caps it at 130). */
    private static final Pattern DUID = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){1,129}");
    /** The DUID-LL prefix: type 3, hardware type 1 (Ethernet). */
    private static final String DUID_LL_ETHERNET = "00:03:00:01:";

    public DhcpHost {
        requireNonNull(mac, "mac is null");
        requireNonNull(ipv4, "ipv4 is null");
        requireNonNull(hostName, "hostName is null");
        requireNonNull(ipv6, "ipv6 is null");
        requireNonNull(duid, "duid is null");
        staticRoutes = List.copyOf(requireNonNull(staticRoutes, "staticRoutes is null"));
        dnsAddresses = List.copyOf(requireNonNull(dnsAddresses, "dnsAddresses is null"));
        requireNonNull(gateway, "gateway is null");
        if (!ipv4.isIpv4()) {
            throw new InvalidParameterException("ipv4_address", "must be an IPv4 address", ipv4);
        }
        FieldChecks.requireHostName("host_name", hostName);
        ipv6.ifPresent(value -> {
            if (value.isIpv4()) {
                throw new InvalidParameterException("ipv6_address", "must be an IPv6 address", value);
            }
        });
        duid = duid.map(value -> value.toLowerCase(Locale.ROOT));
        duid.ifPresent(value -> {
            if (!DUID.matcher(value).matches()) {
                throw new InvalidParameterException("ipv6_duid", "not a DUID (2 to 130 hex pairs separated by ':')", value);
            }
        });
        // dnsmasq keeps lease times in 32 bits
        FieldChecks.requireRange("lease_time", leaseSeconds, 0, Integer.MAX_VALUE);
        for (IpAddress server : dnsAddresses) {
            if (!server.isIpv4()) {
                throw new InvalidParameterException("dns_addresses", "must be IPv4 addresses", server);
            }
        }
        gateway.ifPresent(value -> {
            if (!value.isIpv4()) {
                throw new InvalidParameterException("default_gateway", "must be an IPv4 address", value);
            }
        });
    }

    public static Builder builder(MacAddress mac, IpAddress ipv4, String hostName) {
        return new Builder(mac, ipv4, hostName);
    }

    /** The client DUID DHCPv6 reserves {@link #ipv6()} for: the given one, else the DUID-LL of the MAC. */
    public String effectiveDuid() {
        return duid.orElse(DUID_LL_ETHERNET + mac.value());
    }

    /** The lease time as dnsmasq writes it: {@code infinite} or seconds. */
    String leaseText() {
        return leaseSeconds == 0 ? "infinite" : Long.toString(leaseSeconds);
    }

    /** Builds a {@link DhcpHost}: a default NIC with an infinite lease unless told otherwise. */
    public static final class Builder {
        private final MacAddress mac;
        private final IpAddress ipv4;
        private final String hostName;
        private boolean defaultEntry = true;
        private Optional<IpAddress> ipv6 = Optional.empty();
        private Optional<String> duid = Optional.empty();
        private long leaseSeconds;
        private final List<ClasslessRoute> staticRoutes = new ArrayList<>();
        private final List<IpAddress> dnsAddresses = new ArrayList<>();
        private Optional<IpAddress> gateway = Optional.empty();

        private Builder(MacAddress mac, IpAddress ipv4, String hostName) {
            this.mac = mac;
            this.ipv4 = ipv4;
            this.hostName = hostName;
        }

        public Builder defaultEntry(boolean value) {
            this.defaultEntry = value;
            return this;
        }

        public Builder ipv6(IpAddress value) {
            this.ipv6 = Optional.of(value);
            return this;
        }

        public Builder duid(String value) {
            this.duid = Optional.of(value);
            return this;
        }

        public Builder leaseSeconds(long value) {
            this.leaseSeconds = value;
            return this;
        }

        public Builder staticRoute(ClasslessRoute route) {
            staticRoutes.add(route);
            return this;
        }

        public Builder dnsAddresses(IpAddress... servers) {
            dnsAddresses.addAll(List.of(servers));
            return this;
        }

        public Builder gateway(IpAddress value) {
            this.gateway = Optional.of(value);
            return this;
        }

        public DhcpHost build() {
            return new DhcpHost(mac, ipv4, hostName, defaultEntry, ipv6, duid, leaseSeconds, staticRoutes, dnsAddresses, gateway);
        }
    }
}
