package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * {@code vm_dhcp_entry.json} ({@code dhcpentry}): the DHCP and DNS entry of one VM NIC, from
 * {@code DhcpEntryCommand} (CloudStack's {@code VmDhcpConfig}). The router keys it by IPv4 address;
 * {@code remove: true} drops the NIC's entry.
 *
 * @param hostName the VM host name (a DNS name: no comma, space or newline reaches dnsmasq)
 * @param ipv6Duid DUID-LL derived from the MAC, hex pairs separated by ':'
 * @param dnsAddresses comma-separated DNS servers handed to the VM
 * @param staticRoutes classless static routes option text, as CloudStack renders it
 * @param defaultEntry this is the VM's default NIC
 * @param leaseTime lease time in seconds, 0 = infinite; newest releases only
 */
public record DhcpEntryPayload(
        @JsonProperty("host_name") String hostName,
        @JsonProperty("mac_address") MacAddress macAddress,
        @JsonProperty("ipv4_address") Optional<IpAddress> ipv4Address,
        @JsonProperty("ipv6_address") Optional<IpAddress> ipv6Address,
        @JsonProperty("ipv6_duid") Optional<String> ipv6Duid,
        @JsonProperty("dns_addresses") Optional<String> dnsAddresses,
        @JsonProperty("default_gateway") Optional<IpAddress> defaultGateway,
        @JsonProperty("static_routes") Optional<String> staticRoutes,
        @JsonProperty("default_entry") boolean defaultEntry,
        @JsonProperty("lease_time") Optional<Long> leaseTime,
        @JsonProperty("remove") boolean remove,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    private static final Pattern DUID = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){1,129}");

    public DhcpEntryPayload {
        FieldChecks.requireHostName("host_name", hostName);
        WireChecks.required("mac_address", macAddress);
        requireNonNull(ipv4Address, "ipv4Address is null");
        requireNonNull(ipv6Address, "ipv6Address is null");
        requireNonNull(ipv6Duid, "ipv6Duid is null");
        requireNonNull(dnsAddresses, "dnsAddresses is null");
        requireNonNull(defaultGateway, "defaultGateway is null");
        requireNonNull(staticRoutes, "staticRoutes is null");
        requireNonNull(leaseTime, "leaseTime is null");
        if (ipv4Address.isEmpty() && ipv6Address.isEmpty()) {
            throw new InvalidParameterException("ipv4_address", "is missing (an entry needs ipv4_address or ipv6_address)");
        }
        ipv4Address.filter(address -> !address.isIpv4()).ifPresent(address -> {
            throw new InvalidParameterException("ipv4_address", "not an IPv4 address", address);
        });
        ipv6Address.filter(IpAddress::isIpv4).ifPresent(address -> {
            throw new InvalidParameterException("ipv6_address", "not an IPv6 address", address);
        });
        ipv6Duid.filter(duid -> !DUID.matcher(duid).matches()).ifPresent(duid -> {
            throw new InvalidParameterException("ipv6_duid", "not a DUID (hex pairs separated by ':')", duid);
        });
        dnsAddresses.ifPresent(value -> WireChecks.addressList("dns_addresses", value));
        staticRoutes.ifPresent(value -> WireChecks.safeText("static_routes", value));
        leaseTime.ifPresent(value -> FieldChecks.requireNonNegative("lease_time", value));
    }

    /** The DNS servers of {@code dns_addresses}, empty parts dropped. */
    public List<IpAddress> dnsServers() {
        return dnsAddresses.map(value -> WireChecks.addresses("dns_addresses", value)).orElse(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DhcpEntryPayload}; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private String hostName;
        private MacAddress macAddress;
        private IpAddress ipv4Address;
        private IpAddress ipv6Address;
        private String ipv6Duid;
        private String dnsAddresses;
        private IpAddress defaultGateway;
        private String staticRoutes;
        private boolean defaultEntry = true;
        private Long leaseTime;
        private boolean remove;
        private boolean deleteFromProcessedCache;

        private Builder() {}

        public Builder hostName(String hostName) {
            this.hostName = hostName;
            return this;
        }

        public Builder macAddress(MacAddress macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        public Builder ipv4Address(IpAddress ipv4Address) {
            this.ipv4Address = ipv4Address;
            return this;
        }

        /** The IPv6 address and the DUID the VM identifies itself with. */
        public Builder ipv6Address(IpAddress ipv6Address, String ipv6Duid) {
            this.ipv6Address = ipv6Address;
            this.ipv6Duid = ipv6Duid;
            return this;
        }

        /** The DUID alone; CloudStack sends it even for a NIC without IPv6. */
        public Builder ipv6Duid(String ipv6Duid) {
            this.ipv6Duid = ipv6Duid;
            return this;
        }

        public Builder dnsAddresses(String dnsAddresses) {
            this.dnsAddresses = dnsAddresses;
            return this;
        }

        public Builder defaultGateway(IpAddress defaultGateway) {
            this.defaultGateway = defaultGateway;
            return this;
        }

        public Builder staticRoutes(String staticRoutes) {
            this.staticRoutes = staticRoutes;
            return this;
        }

        public Builder defaultEntry(boolean defaultEntry) {
            this.defaultEntry = defaultEntry;
            return this;
        }

        public Builder leaseTime(long leaseTime) {
            this.leaseTime = leaseTime;
            return this;
        }

        public Builder remove(boolean remove) {
            this.remove = remove;
            return this;
        }

        public Builder deleteFromProcessedCache(boolean deleteFromProcessedCache) {
            this.deleteFromProcessedCache = deleteFromProcessedCache;
            return this;
        }

        public DhcpEntryPayload build() {
            return new DhcpEntryPayload(hostName, macAddress, Optional.ofNullable(ipv4Address), Optional.ofNullable(ipv6Address),
                    Optional.ofNullable(ipv6Duid), Optional.ofNullable(dnsAddresses), Optional.ofNullable(defaultGateway),
                    Optional.ofNullable(staticRoutes), defaultEntry, Optional.ofNullable(leaseTime), remove, deleteFromProcessedCache);
        }
    }
}
