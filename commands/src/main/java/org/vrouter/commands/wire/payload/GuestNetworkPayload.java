package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.validation.FieldChecks;

/**
 * {@code guest_network.json} ({@code guestnetwork}): one guest network or VPC tier interface of the router,
 * from {@code SetupGuestNetworkCommand}. The router merges it under its {@code device}.
 *
 * @param add false: remove the interface
 * @param device {@code ethN}
 * @param cidr the guest prefix length <em>as a string</em> ({@code "24"}), as CloudStack sends it
 * @param cidr6 the guest IPv6 prefix length, also as a string ({@code "64"}); the prefix itself travels in
 *     {@code router_guest_ip6_cidr}
 * @param dns {@code "dns1,dns2"}; either part may be empty
 * @param dns6 IPv6 DNS servers, same form
 * @param domainName the network domain (the router defaults to {@code cloudnine.internal})
 * @param vrGuestGateway the router is the tier's gateway (it provides source NAT or the gateway service);
 *     newer releases only
 */
public record GuestNetworkPayload(
        @JsonProperty("add") boolean add,
        @JsonProperty("mac_address") MacAddress macAddress,
        @JsonProperty("device") String device,
        @JsonProperty("router_guest_ip") IpAddress routerGuestIp,
        @JsonProperty("router_guest_netmask") Netmask routerGuestNetmask,
        @JsonProperty("router_guest_gateway") IpAddress routerGuestGateway,
        @JsonProperty("cidr") String cidr,
        @JsonProperty("cidr6") Optional<String> cidr6,
        @JsonProperty("dns") Optional<String> dns,
        @JsonProperty("dns6") Optional<String> dns6,
        @JsonProperty("domain_name") Optional<String> domainName,
        @JsonProperty("router_guest_ip6") Optional<IpAddress> routerGuestIp6,
        @JsonProperty("router_guest_ip6_gateway") Optional<IpAddress> routerGuestIp6Gateway,
        @JsonProperty("router_guest_ip6_cidr") Optional<Cidr> routerGuestIp6Cidr,
        @JsonProperty("router_ip6") Optional<IpAddress> routerIp6,
        @JsonProperty("router_ip6_gateway") Optional<IpAddress> routerIp6Gateway,
        @JsonProperty("router_ip6_cidr") Optional<Cidr> routerIp6Cidr,
        @JsonProperty("mtu") Optional<Integer> mtu,
        @JsonProperty("vr_guest_gateway") Optional<Boolean> vrGuestGateway,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public GuestNetworkPayload {
        WireChecks.required("mac_address", macAddress);
        WireChecks.device("device", device);
        WireChecks.required("router_guest_ip", routerGuestIp);
        WireChecks.required("router_guest_netmask", routerGuestNetmask);
        WireChecks.required("router_guest_gateway", routerGuestGateway);
        WireChecks.prefixLengthText("cidr", cidr, 32);
        requireNonNull(cidr6, "cidr6 is null").ifPresent(value -> WireChecks.prefixLengthText("cidr6", value, 128));
        requireNonNull(dns, "dns is null");
        requireNonNull(dns6, "dns6 is null");
        requireNonNull(domainName, "domainName is null");
        requireNonNull(routerGuestIp6, "routerGuestIp6 is null");
        requireNonNull(routerGuestIp6Gateway, "routerGuestIp6Gateway is null");
        requireNonNull(routerGuestIp6Cidr, "routerGuestIp6Cidr is null");
        requireNonNull(routerIp6, "routerIp6 is null");
        requireNonNull(routerIp6Gateway, "routerIp6Gateway is null");
        requireNonNull(routerIp6Cidr, "routerIp6Cidr is null");
        requireNonNull(mtu, "mtu is null");
        requireNonNull(vrGuestGateway, "vrGuestGateway is null");
        dns.ifPresent(value -> WireChecks.addressList("dns", value));
        dns6.ifPresent(value -> WireChecks.addressList("dns6", value));
        domainName.ifPresent(value -> FieldChecks.requireHostName("domain_name", value));
        mtu.ifPresent(value -> FieldChecks.requireRange("mtu", value, 68, 65535));
    }

    /** The guest prefix length as a number. */
    public int prefixLength() {
        return Integer.parseInt(cidr);
    }

    /** The guest IPv6 prefix length as a number, when the tier has IPv6. */
    public Optional<Integer> ip6PrefixLength() {
        return cidr6.map(Integer::parseInt);
    }

    /** The DNS servers of {@code dns}, empty parts dropped. */
    public List<IpAddress> dnsServers() {
        return dns.map(value -> WireChecks.addresses("dns", value)).orElse(List.of());
    }

    /** The IPv6 DNS servers of {@code dns6}, empty parts dropped. */
    public List<IpAddress> dns6Servers() {
        return dns6.map(value -> WireChecks.addresses("dns6", value)).orElse(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GuestNetworkPayload}; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private boolean add = true;
        private MacAddress macAddress;
        private String device;
        private IpAddress routerGuestIp;
        private Netmask routerGuestNetmask;
        private IpAddress routerGuestGateway;
        private String cidr;
        private String cidr6;
        private String dns;
        private String dns6;
        private String domainName;
        private IpAddress routerGuestIp6;
        private IpAddress routerGuestIp6Gateway;
        private Cidr routerGuestIp6Cidr;
        private IpAddress routerIp6;
        private IpAddress routerIp6Gateway;
        private Cidr routerIp6Cidr;
        private Integer mtu;
        private Boolean vrGuestGateway;
        private boolean deleteFromProcessedCache;

        private Builder() {}

        public Builder add(boolean add) {
            this.add = add;
            return this;
        }

        public Builder macAddress(MacAddress macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        /** Sets {@code device} to {@code eth<deviceId>}. */
        public Builder deviceId(int deviceId) {
            this.device = "eth" + deviceId;
            return this;
        }

        /** Sets the guest address, netmask and (as a string) the prefix length of {@code cidr}. */
        public Builder routerGuestIp(IpAddress ip, Netmask netmask) {
            this.routerGuestIp = ip;
            this.routerGuestNetmask = netmask;
            this.cidr = Integer.toString(netmask.prefixLength());
            return this;
        }

        public Builder routerGuestGateway(IpAddress routerGuestGateway) {
            this.routerGuestGateway = routerGuestGateway;
            return this;
        }

        /** Sets {@code cidr6} to the prefix length of {@code prefix} ({@code "64"}), as CloudStack does. */
        public Builder cidr6(Cidr prefix) {
            this.cidr6 = Integer.toString(prefix.prefixLength());
            return this;
        }

        public Builder dns(String dns) {
            this.dns = dns;
            return this;
        }

        public Builder dns6(String dns6) {
            this.dns6 = dns6;
            return this;
        }

        public Builder domainName(String domainName) {
            this.domainName = domainName;
            return this;
        }

        /** The router's guest IPv6 address, the tier's IPv6 gateway and its prefix. */
        public Builder routerGuestIp6(IpAddress ip6, IpAddress gateway, Cidr cidr) {
            this.routerGuestIp6 = ip6;
            this.routerGuestIp6Gateway = gateway;
            this.routerGuestIp6Cidr = cidr;
            return this;
        }

        /** The router's public IPv6 address, its gateway and prefix. */
        public Builder routerIp6(IpAddress ip6, IpAddress gateway, Cidr cidr) {
            this.routerIp6 = ip6;
            this.routerIp6Gateway = gateway;
            this.routerIp6Cidr = cidr;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public Builder vrGuestGateway(boolean vrGuestGateway) {
            this.vrGuestGateway = vrGuestGateway;
            return this;
        }

        public Builder deleteFromProcessedCache(boolean deleteFromProcessedCache) {
            this.deleteFromProcessedCache = deleteFromProcessedCache;
            return this;
        }

        public GuestNetworkPayload build() {
            return new GuestNetworkPayload(add, macAddress, device, routerGuestIp, routerGuestNetmask, routerGuestGateway, cidr,
                    Optional.ofNullable(cidr6), Optional.ofNullable(dns), Optional.ofNullable(dns6), Optional.ofNullable(domainName),
                    Optional.ofNullable(routerGuestIp6), Optional.ofNullable(routerGuestIp6Gateway), Optional.ofNullable(routerGuestIp6Cidr),
                    Optional.ofNullable(routerIp6), Optional.ofNullable(routerIp6Gateway), Optional.ofNullable(routerIp6Cidr),
                    Optional.ofNullable(mtu), Optional.ofNullable(vrGuestGateway), deleteFromProcessedCache);
        }
    }
}
