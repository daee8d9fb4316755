package org.vrouter.api.vm;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;

/**
 * A VM's network interface in one network (CloudStack's {@code NicProfile}): the values a router
 * needs for a DHCP entry, and the values a hypervisor needs to plug the interface.
 *
 * <p>Validated at construction: an IPv4 address comes with its netmask, and the gateway lies in
 * the subnet they define; the IPv6 address and gateway lie in the IPv6 CIDR. Build one with
 * {@link #builder(long, int, TrafficType, MacAddress)}.
 *
 * @param networkId the network the NIC is in
 * @param deviceId the interface index: {@code eth<deviceId>} inside the VM, 0 to 255
 * @param broadcastUri how the network is isolated on the wire ({@code vlan://100})
 * @param isolationUri the isolation the hypervisor applies, usually equal to {@code broadcastUri}
 * @param defaultNic whether the VM's default route and name servers come from this NIC
 * @param dns the name servers handed out on this NIC
 */
public record Nic(
        long networkId,
        int deviceId,
        TrafficType trafficType,
        MacAddress macAddress,
        Optional<IpAddress> ipAddress,
        Optional<Netmask> netmask,
        Optional<IpAddress> gateway,
        Optional<IpAddress> ip6Address,
        Optional<Cidr> ip6Cidr,
        Optional<IpAddress> ip6Gateway,
        Optional<BroadcastUri> broadcastUri,
        Optional<BroadcastUri> isolationUri,
        boolean defaultNic,
        DnsServers dns,
        OptionalInt mtu) {

    public Nic {
        FieldChecks.requirePositive("network_id", networkId);
        FieldChecks.requireRange("device_id", deviceId, 0, 255);
        requireNonNull(trafficType, "trafficType is null");
        requireNonNull(macAddress, "macAddress is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(ip6Address, "ip6Address is null");
        requireNonNull(ip6Cidr, "ip6Cidr is null");
        requireNonNull(ip6Gateway, "ip6Gateway is null");
        requireNonNull(broadcastUri, "broadcastUri is null");
        requireNonNull(isolationUri, "isolationUri is null");
        requireNonNull(dns, "dns is null");
        requireNonNull(mtu, "mtu is null");
        requireIpv4(ipAddress, netmask, gateway);
        requireIpv6(ip6Address, ip6Cidr, ip6Gateway);
        mtu.ifPresent(value -> FieldChecks.requireRange("mtu", value, 68, 65535));
    }

    private static void requireIpv4(Optional<IpAddress> ipAddress, Optional<Netmask> netmask, Optional<IpAddress> gateway) {
        ipAddress.ifPresent(ip -> ip.requireIpv4("ip_address"));
        if (ipAddress.isPresent() != netmask.isPresent()) {
            throw ipAddress.isPresent()
                    ? new InvalidParameterException("netmask", "is missing for ip_address " + ipAddress.get())
                    : new InvalidParameterException("netmask", "given without ip_address", netmask.get());
        }
        if (gateway.isPresent()) {
            if (ipAddress.isEmpty()) {
                throw new InvalidParameterException("gateway", "given without ip_address", gateway.get());
            }
            Cidr subnet = Cidr.of(ipAddress.get(), netmask.get()).network();
            if (!subnet.contains(gateway.get())) {
                throw new InvalidParameterException("gateway", "not inside the NIC's subnet " + subnet, gateway.get());
            }
        }
    }

    private static void requireIpv6(Optional<IpAddress> address, Optional<Cidr> cidr, Optional<IpAddress> gateway) {
        if (cidr.isPresent() && cidr.get().isIpv4()) {
            throw new InvalidParameterException("ip6_cidr", "must be an IPv6 CIDR", cidr.get());
        }
        requireInIpv6Cidr("ip6_address", address, cidr);
        requireInIpv6Cidr("ip6_gateway", gateway, cidr);
    }

    private static void requireInIpv6Cidr(String field, Optional<IpAddress> value, Optional<Cidr> cidr) {
        if (value.isEmpty()) {
            return;
        }
        value.get().requireIpv6(field);
        if (cidr.isEmpty()) {
            throw new InvalidParameterException(field, "given without ip6_cidr", value.get());
        }
        if (!cidr.get().contains(value.get())) {
            throw new InvalidParameterException(field, "not inside ip6_cidr " + cidr.get(), value.get());
        }
    }

    public static Builder builder(long networkId, int deviceId, TrafficType trafficType, MacAddress macAddress) {
        return new Builder(networkId, deviceId, trafficType, macAddress);
    }

    /** A builder holding every component of this NIC, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The interface name inside the VM: {@code eth<deviceId>}. */
    public String deviceName() {
        return "eth" + deviceId;
    }

    /** The IPv4 address with its prefix ({@code 10.1.1.5/24}), when the NIC has one. */
    public Optional<Cidr> ipv4Cidr() {
        return ipAddress.map(address -> Cidr.of(address, netmask.orElseThrow()));
    }

    /** Collects the components of a {@link Nic}; {@link #build()} validates them. */
    public static final class Builder {
        private final long networkId;
        private int deviceId;
        private final TrafficType trafficType;
        private MacAddress macAddress;
        private Optional<IpAddress> ipAddress = Optional.empty();
        private Optional<Netmask> netmask = Optional.empty();
        private Optional<IpAddress> gateway = Optional.empty();
        private Optional<IpAddress> ip6Address = Optional.empty();
        private Optional<Cidr> ip6Cidr = Optional.empty();
        private Optional<IpAddress> ip6Gateway = Optional.empty();
        private Optional<BroadcastUri> broadcastUri = Optional.empty();
        private Optional<BroadcastUri> isolationUri = Optional.empty();
        private boolean defaultNic;
        private DnsServers dns = DnsServers.none();
        private OptionalInt mtu = OptionalInt.empty();

        private Builder(long networkId, int deviceId, TrafficType trafficType, MacAddress macAddress) {
            this.networkId = networkId;
            this.deviceId = deviceId;
            this.trafficType = trafficType;
            this.macAddress = macAddress;
        }

        private Builder(Nic nic) {
            this(nic.networkId, nic.deviceId, nic.trafficType, nic.macAddress);
            ipAddress = nic.ipAddress;
            netmask = nic.netmask;
            gateway = nic.gateway;
            ip6Address = nic.ip6Address;
            ip6Cidr = nic.ip6Cidr;
            ip6Gateway = nic.ip6Gateway;
            broadcastUri = nic.broadcastUri;
            isolationUri = nic.isolationUri;
            defaultNic = nic.defaultNic;
            dns = nic.dns;
            mtu = nic.mtu;
        }

        public Builder deviceId(int deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        public Builder macAddress(MacAddress macAddress) {
            this.macAddress = macAddress;
            return this;
        }

        /** The IPv4 address and netmask, without a gateway. */
        public Builder ipv4(IpAddress address, Netmask netmask) {
            this.ipAddress = Optional.of(address);
            this.netmask = Optional.of(netmask);
            return this;
        }

        /** The IPv4 address, netmask and gateway. */
        public Builder ipv4(IpAddress address, Netmask netmask, IpAddress gateway) {
            ipv4(address, netmask);
            this.gateway = Optional.of(gateway);
            return this;
        }

        /** The IPv6 address, its CIDR and the gateway. */
        public Builder ipv6(IpAddress address, Cidr cidr, IpAddress gateway) {
            this.ip6Address = Optional.of(address);
            this.ip6Cidr = Optional.of(cidr);
            this.ip6Gateway = Optional.of(gateway);
            return this;
        }

        /** Sets both the broadcast and the isolation URI. */
        public Builder broadcastUri(BroadcastUri uri) {
            this.broadcastUri = Optional.of(uri);
            this.isolationUri = Optional.of(uri);
            return this;
        }

        public Builder isolationUri(BroadcastUri uri) {
            this.isolationUri = Optional.of(uri);
            return this;
        }

        public Builder defaultNic(boolean defaultNic) {
            this.defaultNic = defaultNic;
            return this;
        }

        public Builder dns(DnsServers dns) {
            this.dns = dns;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        public Nic build() {
            return new Nic(networkId, deviceId, trafficType, macAddress, ipAddress, netmask, gateway, ip6Address, ip6Cidr,
                    ip6Gateway, broadcastUri, isolationUri, defaultNic, dns, mtu);
        }
    }
}
