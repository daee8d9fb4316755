package org.vrouter.api.address;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A public IPv4 address assigned to a network, as routers receive it in IP association: the
 * address, its VLAN and subnet, and what it is used for.
 *
 * <p>Validated at construction: the gateway lies in the address's subnet; an address is not both
 * source NAT and one-to-one NAT; a one-to-one (static) NAT address names the VM address it maps to,
 * and only such an address does.
 *
 * @param broadcastUri the public VLAN ({@code vlan://100}, {@code vlan://untagged})
 * @param macAddress the MAC of the router's public NIC on this VLAN, when already known
 * @param sourceNat whether guests' outbound traffic leaves through this address
 * @param oneToOneNat whether the address is static-NATed to {@code associatedVmIp}
 * @param state {@link State#RELEASING} removes the address from routers, the others add it
 * @param networkId the guest network the address is associated with, if any
 */
public record PublicIpAddress(
        IpAddress address,
        BroadcastUri broadcastUri,
        IpAddress gateway,
        Netmask netmask,
        Optional<MacAddress> macAddress,
        boolean sourceNat,
        boolean oneToOneNat,
        State state,
        OptionalLong networkId,
        Optional<IpAddress> associatedVmIp) {

    /** Where the address is in its life (CloudStack's {@code IpAddress.State}, the values routers care about). */
    public enum State {
        ALLOCATING("Allocating"),
        ALLOCATED("Allocated"),
        RELEASING("Releasing");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }
    }

    public PublicIpAddress {
        requireNonNull(address, "address is null");
        requireNonNull(broadcastUri, "broadcastUri is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(macAddress, "macAddress is null");
        requireNonNull(state, "state is null");
        requireNonNull(networkId, "networkId is null");
        requireNonNull(associatedVmIp, "associatedVmIp is null");
        address.requireIpv4("public_ip");
        gateway.requireIpv4("vlan_gateway");
        Cidr subnet = Cidr.of(address, netmask).network();
        if (!subnet.contains(gateway)) {
            throw new InvalidParameterException("vlan_gateway", "not inside the address's subnet " + subnet, gateway);
        }
        networkId.ifPresent(id -> FieldChecks.requirePositive("network_id", id));
        if (sourceNat && oneToOneNat) {
            throw new InvalidParameterException("one_to_one_nat", "a source NAT address cannot also be one-to-one NAT", address);
        }
        if (oneToOneNat && associatedVmIp.isEmpty()) {
            throw new InvalidParameterException("associated_vm_ip", "is missing for a one-to-one NAT address " + address);
        }
        if (!oneToOneNat && associatedVmIp.isPresent()) {
            throw new InvalidParameterException("associated_vm_ip", "given for an address without one-to-one NAT", associatedVmIp.get());
        }
    }

    /** An allocated address of {@code networkId} without NAT roles and without a known MAC. */
    public static PublicIpAddress of(IpAddress address, BroadcastUri broadcastUri, IpAddress gateway, Netmask netmask, long networkId) {
        return new PublicIpAddress(address, broadcastUri, gateway, netmask, Optional.empty(), false, false, State.ALLOCATED,
                OptionalLong.of(networkId), Optional.empty());
    }

    /** The same address as the network's source NAT address. */
    public PublicIpAddress asSourceNat() {
        return new PublicIpAddress(address, broadcastUri, gateway, netmask, macAddress, true, false, state, networkId, Optional.empty());
    }

    /** The same address static-NATed to {@code vmIp}. */
    public PublicIpAddress withStaticNat(IpAddress vmIp) {
        return new PublicIpAddress(address, broadcastUri, gateway, netmask, macAddress, false, true, state, networkId, Optional.of(vmIp));
    }

    /** The same address in another state. */
    public PublicIpAddress withState(State newState) {
        return new PublicIpAddress(address, broadcastUri, gateway, netmask, macAddress, sourceNat, oneToOneNat, newState, networkId,
                associatedVmIp);
    }

    /** The same address with the router NIC's MAC. */
    public PublicIpAddress withMacAddress(MacAddress mac) {
        return new PublicIpAddress(address, broadcastUri, gateway, netmask, Optional.of(mac), sourceNat, oneToOneNat, state, networkId,
                associatedVmIp);
    }

    /** Whether routers must add the address ({@code add} in IP association): every state but Releasing. */
    public boolean isToBeAdded() {
        return state != State.RELEASING;
    }
}
