package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.IpAddressEntry;

/**
 * One IPv4 address of the {@code ips} bag: an element of a device's list, as CloudStack stores it
 * (the wire's {@code IpAddress} fields plus the derived {@code device}, {@code cidr}, {@code network},
 * {@code broadcast}, {@code size} and a lower-case {@code nw_type}). Entries in a bag are always to be
 * present ({@code add: true} on disk); a removed address is not kept.
 *
 * @param publicIp the address (public, guest, control or private-gateway)
 * @param device {@code ethN}: the NIC that carries it; usually {@code eth<nic_dev_id>}, but the NIC whose
 *     MAC is {@code vif_mac_address} wins when the router has one
 * @param nicDevId N as the management side sent it
 * @param gateway the VLAN gateway; empty for addresses injected without one (CloudStack stores {@code ""})
 * @param vifMacAddress MAC of the router NIC on that VLAN, when the wire gave one
 * @param mtu NIC MTU, newer releases only
 */
public record IpEntry(
        IpAddress publicIp,
        Netmask netmask,
        String device,
        int nicDevId,
        TrafficType nwType,
        boolean sourceNat,
        boolean oneToOneNat,
        boolean firstIp,
        Optional<IpAddress> gateway,
        Optional<MacAddress> vifMacAddress,
        boolean newNic,
        boolean isPrivateGateway,
        Optional<Integer> mtu) {

    public IpEntry {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(netmask, "netmask is null");
        BagMaps.requireDevice(device);
        requireNonNull(nwType, "nwType is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(vifMacAddress, "vifMacAddress is null");
        requireNonNull(mtu, "mtu is null");
        if (!publicIp.isIpv4()) {
            throw new IllegalArgumentException("public_ip must be IPv4: " + publicIp);
        }
        if (nicDevId < 0) {
            throw new IllegalArgumentException("nic_dev_id must not be negative: " + nicDevId);
        }
    }

    /** The entry for a wire address placed on {@code device}. */
    public static IpEntry of(IpAddressEntry wire, String device) {
        return new IpEntry(wire.publicIp(), wire.netmask(), device, wire.nicDevId(), wire.nwType(), wire.sourceNat(),
                wire.oneToOneNat(), wire.firstIP(), Optional.of(wire.gateway()), Optional.of(wire.vifMacAddress()),
                wire.newNic(), wire.isPrivateGateway(), wire.mtu());
    }

    /**
     * An address the router adds on its own behalf (boot arguments, guest network, IP alias): no source
     * NAT, no MAC, on {@code eth<nicDevId>}.
     */
    public static IpEntry injected(IpAddress publicIp, Netmask netmask, Optional<IpAddress> gateway, int nicDevId, TrafficType nwType) {
        return new IpEntry(publicIp, netmask, "eth" + nicDevId, nicDevId, nwType, false, false, false, gateway,
                Optional.empty(), false, false, Optional.empty());
    }

    /** {@code <host-ip>/<prefix>} (the host address, never the network address). */
    public Cidr cidr() {
        return new Cidr(publicIp, netmask.prefixLength());
    }

    /** {@code <network>/<prefix>}. */
    public Cidr network() {
        return cidr().network();
    }

    public IpAddress broadcast() {
        return cidr().broadcast();
    }

    /** The prefix length as CloudStack stores it: a string. */
    public String size() {
        return Integer.toString(netmask.prefixLength());
    }

    /** The same entry as the source-NAT address of its device, or not. */
    public IpEntry withSourceNat(boolean value) {
        return new IpEntry(publicIp, netmask, device, nicDevId, nwType, value, oneToOneNat, firstIp, gateway, vifMacAddress,
                newNic, isPrivateGateway, mtu);
    }
}
