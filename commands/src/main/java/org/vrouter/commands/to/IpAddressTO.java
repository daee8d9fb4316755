package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;

/**
 * One address to add to or remove from a router interface: CloudStack's {@code IpAddressTO}, an
 * element of {@code IpAssocCommand} / {@code IpAssocVpcCommand}; on the wire one element of
 * {@code ip_address} in {@code ip_associations.json} ({@code public_ip}, {@code source_nat},
 * {@code add}, {@code one_to_one_nat}, {@code first_i_p}, {@code gateway} = VLAN gateway,
 * {@code netmask} = VLAN netmask, {@code vif_mac_address}, {@code nic_dev_id}, {@code new_nic},
 * {@code nw_type} = traffic type, {@code is_private_gateway}, {@code mtu}).
 *
 * <p>The NIC device id is unknown to the management side: the hypervisor resource finds the router
 * NIC on that VLAN (by MAC) and fills it in with {@link #withNicDeviceId(int)}. Invariants: with a
 * netmask the address is IPv4; the VLAN gateway lies in the address's network.
 *
 * @param accountId the owning account's database id, not negative
 * @param firstIp first address of its VLAN group: removing it removes the VLAN's source NAT
 * @param broadcastUri the VLAN ({@code vlan://64}); absent for VLAN-less addresses
 * @param networkRateMbps absent means unlimited
 * @param networkName the traffic label (host bridge or port group)
 * @param nicDeviceId N of {@code ethN}; set by the hypervisor resource
 * @param newNic the resource hot-plugged a NIC for this VLAN
 */
public record IpAddressTO(
        long accountId,
        IpAddress publicIp,
        boolean add,
        boolean firstIp,
        boolean sourceNat,
        boolean oneToOneNat,
        Optional<BroadcastUri> broadcastUri,
        Optional<IpAddress> vlanGateway,
        Optional<Netmask> vlanNetmask,
        Optional<MacAddress> vifMacAddress,
        OptionalInt networkRateMbps,
        TrafficType trafficType,
        Optional<String> networkName,
        OptionalInt nicDeviceId,
        boolean newNic,
        boolean privateGateway,
        OptionalInt mtu) {

    public IpAddressTO {
        FieldChecks.requireNonNegative("account_id", accountId);
        requireNonNull(publicIp, "publicIp is null");
        optional(broadcastUri, "broadcastUri");
        optional(vlanGateway, "vlanGateway").ifPresent(gateway -> TransferChecks.requireSameFamily("gateway", gateway, publicIp, "public_ip"));
        optional(vlanNetmask, "vlanNetmask").ifPresent(netmask -> publicIp.requireIpv4("public_ip"));
        if (vlanGateway.isPresent() && vlanNetmask.isPresent()) {
            TransferChecks.requireInSubnet("gateway", vlanGateway.get(), publicIp, vlanNetmask.get());
        }
        optional(vifMacAddress, "vifMacAddress");
        TransferChecks.requireNonNegative("network_rate", networkRateMbps);
        requireNonNull(trafficType, "trafficType is null");
        optional(networkName, "networkName").ifPresent(name -> TransferChecks.requireSafeName("network_name", name));
        optional(nicDeviceId, "nicDeviceId").ifPresent(id -> FieldChecks.requireRange("nic_dev_id", id, 0, 255));
        TransferChecks.requireMtu("mtu", mtu);
    }

    /** Starts an address to add ({@code add = true}); everything else is optional. */
    public static Builder builder(IpAddress publicIp, TrafficType trafficType) {
        return new Builder(publicIp, trafficType);
    }

    /** A copy with the router NIC's device id filled in (by the hypervisor resource). */
    public IpAddressTO withNicDeviceId(int deviceId) {
        return new IpAddressTO(accountId, publicIp, add, firstIp, sourceNat, oneToOneNat, broadcastUri, vlanGateway,
                vlanNetmask, vifMacAddress, networkRateMbps, trafficType, networkName, OptionalInt.of(deviceId), newNic,
                privateGateway, mtu);
    }

    /** A copy marked as needing a freshly plugged NIC (set by the hypervisor resource). */
    public IpAddressTO withNewNic(boolean plugged) {
        return new IpAddressTO(accountId, publicIp, add, firstIp, sourceNat, oneToOneNat, broadcastUri, vlanGateway,
                vlanNetmask, vifMacAddress, networkRateMbps, trafficType, networkName, nicDeviceId, plugged,
                privateGateway, mtu);
    }

    /** The address with the VLAN's prefix ({@code 203.0.113.20/24}), when the netmask is known. */
    public Optional<Cidr> cidr() {
        return vlanNetmask.map(netmask -> Cidr.of(publicIp, netmask));
    }

    /** Collects an address's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final IpAddress publicIp;
        private final TrafficType trafficType;
        private long accountId;
        private boolean add = true;
        private boolean firstIp;
        private boolean sourceNat;
        private boolean oneToOneNat;
        private BroadcastUri broadcastUri;
        private IpAddress vlanGateway;
        private Netmask vlanNetmask;
        private MacAddress vifMacAddress;
        private OptionalInt networkRateMbps = OptionalInt.empty();
        private String networkName;
        private OptionalInt nicDeviceId = OptionalInt.empty();
        private boolean newNic;
        private boolean privateGateway;
        private OptionalInt mtu = OptionalInt.empty();

        private Builder(IpAddress publicIp, TrafficType trafficType) {
            this.publicIp = requireNonNull(publicIp, "publicIp is null");
            this.trafficType = requireNonNull(trafficType, "trafficType is null");
        }

        public Builder accountId(long accountId) {
            this.accountId = accountId;
            return this;
        }

        /** {@code false} removes the address (CloudStack: the IP is being released). */
        public Builder add(boolean add) {
            this.add = add;
            return this;
        }

        public Builder firstIp(boolean firstIp) {
            this.firstIp = firstIp;
            return this;
        }

        public Builder sourceNat(boolean sourceNat) {
            this.sourceNat = sourceNat;
            return this;
        }

        public Builder oneToOneNat(boolean oneToOneNat) {
            this.oneToOneNat = oneToOneNat;
            return this;
        }

        /** The VLAN: its URI, gateway and netmask. */
        public Builder vlan(BroadcastUri uri, IpAddress gateway, Netmask netmask) {
            this.broadcastUri = requireNonNull(uri, "uri is null");
            this.vlanGateway = requireNonNull(gateway, "gateway is null");
            this.vlanNetmask = requireNonNull(netmask, "netmask is null");
            return this;
        }

        public Builder vifMacAddress(MacAddress mac) {
            this.vifMacAddress = requireNonNull(mac, "mac is null");
            return this;
        }

        public Builder networkRateMbps(int rate) {
            this.networkRateMbps = OptionalInt.of(rate);
            return this;
        }

        public Builder networkName(String name) {
            this.networkName = requireNonNull(name, "name is null");
            return this;
        }

        public Builder nicDeviceId(int deviceId) {
            this.nicDeviceId = OptionalInt.of(deviceId);
            return this;
        }

        public Builder newNic(boolean newNic) {
            this.newNic = newNic;
            return this;
        }

        public Builder privateGateway(boolean privateGateway) {
            this.privateGateway = privateGateway;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        public IpAddressTO build() {
            return new IpAddressTO(accountId, publicIp, add, firstIp, sourceNat, oneToOneNat,
                    Optional.ofNullable(broadcastUri), Optional.ofNullable(vlanGateway), Optional.ofNullable(vlanNetmask),
                    Optional.ofNullable(vifMacAddress), networkRateMbps, trafficType, Optional.ofNullable(networkName),
                    nicDeviceId, newNic, privateGateway, mtu);
        }
    }
}
