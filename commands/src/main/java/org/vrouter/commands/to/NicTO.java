package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;

/**
 * One NIC of a VM: CloudStack's {@code NicTO} (with the fields of its parent {@code NetworkTO}).
 * Carried by {@link VirtualMachineTO} in a {@code StartCommand}, and by the guest-network and
 * network-ACL commands, where it becomes {@code device = "eth" + deviceId}, {@code mac_address},
 * the router's guest address and netmask in {@code guest_network.json} / {@code network_acl.json}.
 *
 * <p>Invariants: the IPv4 address and netmask come together; the gateway lies in the NIC's IPv4
 * network; the IPv6 address and gateway lie in the IPv6 CIDR; DNS servers are IPv4.
 *
 * @param deviceId N of {@code ethN}, 0 to 255
 * @param networkRateMbps absent means unlimited
 * @param networkName the traffic label: the host-side bridge or port group
 */
public record NicTO(
        int deviceId,
        MacAddress macAddress,
        Optional<IpAddress> ip,
        Optional<Netmask> netmask,
        Optional<IpAddress> gateway,
        Optional<BroadcastUri> broadcastUri,
        Optional<BroadcastUri> isolationUri,
        TrafficType trafficType,
        boolean defaultNic,
        Optional<IpAddress> dns1,
        Optional<IpAddress> dns2,
        OptionalInt networkRateMbps,
        OptionalInt mtu,
        Optional<IpAddress> ip6Address,
        Optional<IpAddress> ip6Gateway,
        Optional<Cidr> ip6Cidr,
        Optional<String> networkUuid,
        Optional<String> networkName) {

    public NicTO {
        FieldChecks.requireRange("device_id", deviceId, 0, 255);
        requireNonNull(macAddress, "macAddress is null");
        requireNonNull(trafficType, "trafficType is null");
        checkIpv4(optional(ip, "ip"), optional(netmask, "netmask"), optional(gateway, "gateway"));
        optional(broadcastUri, "broadcastUri");
        optional(isolationUri, "isolationUri");
        optional(dns1, "dns1").ifPresent(dns -> dns.requireIpv4("dns1"));
        optional(dns2, "dns2").ifPresent(dns -> dns.requireIpv4("dns2"));
        TransferChecks.requireNonNegative("network_rate", networkRateMbps);
        TransferChecks.requireMtu("mtu", mtu);
        checkIpv6(optional(ip6Address, "ip6Address"), optional(ip6Gateway, "ip6Gateway"), optional(ip6Cidr, "ip6Cidr"));
        optional(networkUuid, "networkUuid").ifPresent(uuid -> FieldChecks.requireIdentifier("network_uuid", uuid));
        optional(networkName, "networkName").ifPresent(name -> TransferChecks.requireSafeName("name", name));
    }

    private static void checkIpv4(Optional<IpAddress> ip, Optional<Netmask> netmask, Optional<IpAddress> gateway) {
        ip.ifPresent(address -> address.requireIpv4("ip"));
        gateway.ifPresent(address -> address.requireIpv4("gateway"));
        if (ip.isPresent() != netmask.isPresent()) {
            throw new InvalidParameterException(ip.isPresent() ? "netmask" : "ip", "an IPv4 address needs a netmask and a netmask an address");
        }
        if (ip.isPresent() && gateway.isPresent()) {
            TransferChecks.requireInSubnet("gateway", gateway.get(), ip.get(), netmask.get());
        }
    }

    private static void checkIpv6(Optional<IpAddress> address, Optional<IpAddress> gateway, Optional<Cidr> cidr) {
        address.ifPresent(ip -> ip.requireIpv6("ip6_address"));
        gateway.ifPresent(ip -> ip.requireIpv6("ip6_gateway"));
        if (cidr.isEmpty()) {
            return;
        }
        Cidr network = cidr.get();
        if (network.isIpv4()) {
            throw new InvalidParameterException("ip6_cidr", "must be an IPv6 CIDR", network);
        }
        network.requireNetworkAddress("ip6_cidr");
        address.filter(ip -> !network.contains(ip)).ifPresent(ip -> {
            throw new InvalidParameterException("ip6_address", "outside the network " + network, ip);
        });
        gateway.filter(ip -> !network.contains(ip)).ifPresent(ip -> {
            throw new InvalidParameterException("ip6_gateway", "outside the network " + network, ip);
        });
    }

    /**
     * Starts a NIC with its device number, MAC and traffic type; everything else is optional.
     */
    public static Builder builder(int deviceId, MacAddress macAddress, TrafficType trafficType) {
        return new Builder(deviceId, macAddress, trafficType);
    }

    /** The interface name on the router: {@code eth<deviceId>}. */
    public String deviceName() {
        return "eth" + deviceId;
    }

    /** The NIC's IPv4 address with its prefix ({@code 10.1.1.1/24}), when it has one. */
    public Optional<Cidr> cidr() {
        return ip.map(address -> Cidr.of(address, netmask.orElseThrow()));
    }

    /** The VLAN id of a {@code vlan://} or {@code pvlan://} broadcast URI. */
    public OptionalInt vlanId() {
        return broadcastUri.map(BroadcastUri::vlanId).orElse(OptionalInt.empty());
    }

    /** Collects a NIC's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final int deviceId;
        private final MacAddress macAddress;
        private final TrafficType trafficType;
        private IpAddress ip;
        private Netmask netmask;
        private IpAddress gateway;
        private BroadcastUri broadcastUri;
        private BroadcastUri isolationUri;
        private boolean defaultNic;
        private IpAddress dns1;
        private IpAddress dns2;
        private OptionalInt networkRateMbps = OptionalInt.empty();
        private OptionalInt mtu = OptionalInt.empty();
        private IpAddress ip6Address;
        private IpAddress ip6Gateway;
        private Cidr ip6Cidr;
        private String networkUuid;
        private String networkName;

        private Builder(int deviceId, MacAddress macAddress, TrafficType trafficType) {
            this.deviceId = deviceId;
            this.macAddress = requireNonNull(macAddress, "macAddress is null");
            this.trafficType = requireNonNull(trafficType, "trafficType is null");
        }

        /** The IPv4 address, netmask and gateway. */
        public Builder ipv4(IpAddress ip, Netmask netmask, IpAddress gateway) {
            ipv4(ip, netmask);
            this.gateway = requireNonNull(gateway, "gateway is null");
            return this;
        }

        /** The IPv4 address and netmask of a NIC without a gateway (control, storage). */
        public Builder ipv4(IpAddress ip, Netmask netmask) {
            this.ip = requireNonNull(ip, "ip is null");
            this.netmask = requireNonNull(netmask, "netmask is null");
            return this;
        }

        public Builder broadcastUri(BroadcastUri uri) {
            this.broadcastUri = requireNonNull(uri, "uri is null");
            return this;
        }

        public Builder isolationUri(BroadcastUri uri) {
            this.isolationUri = requireNonNull(uri, "uri is null");
            return this;
        }

        public Builder defaultNic(boolean defaultNic) {
            this.defaultNic = defaultNic;
            return this;
        }

        public Builder dns(IpAddress dns1) {
            this.dns1 = requireNonNull(dns1, "dns1 is null");
            return this;
        }

        public Builder dns(IpAddress dns1, IpAddress dns2) {
            this.dns1 = requireNonNull(dns1, "dns1 is null");
            this.dns2 = requireNonNull(dns2, "dns2 is null");
            return this;
        }

        public Builder networkRateMbps(int rate) {
            this.networkRateMbps = OptionalInt.of(rate);
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        /** The IPv6 address, gateway and network CIDR. */
        public Builder ipv6(IpAddress address, IpAddress gateway, Cidr cidr) {
            this.ip6Address = requireNonNull(address, "address is null");
            this.ip6Gateway = requireNonNull(gateway, "gateway is null");
            this.ip6Cidr = requireNonNull(cidr, "cidr is null");
            return this;
        }

        public Builder networkUuid(String uuid) {
            this.networkUuid = requireNonNull(uuid, "uuid is null");
            return this;
        }

        public Builder networkName(String name) {
            this.networkName = requireNonNull(name, "name is null");
            return this;
        }

        public NicTO build() {
            return new NicTO(deviceId, macAddress, Optional.ofNullable(ip), Optional.ofNullable(netmask),
                    Optional.ofNullable(gateway), Optional.ofNullable(broadcastUri), Optional.ofNullable(isolationUri),
                    trafficType, defaultNic, Optional.ofNullable(dns1), Optional.ofNullable(dns2), networkRateMbps, mtu,
                    Optional.ofNullable(ip6Address), Optional.ofNullable(ip6Gateway), Optional.ofNullable(ip6Cidr),
                    Optional.ofNullable(networkUuid), Optional.ofNullable(networkName));
        }
    }
}
