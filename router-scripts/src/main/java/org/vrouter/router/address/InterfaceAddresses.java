package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;

/**
 * The desired state of one device the router manages ({@code eth2}): its addresses, MTU and link
 * state. A converger builds it from the {@code ips} databag (one entry per {@code add: true}
 * element, {@code cidr} = host address/prefix) and the boot arguments.
 *
 * <p>Naming a device here hands it to the {@link AddressApplier}: every address the kernel holds on
 * it that is not listed is removed, except IPv6 link-local addresses (the kernel's), addresses with
 * a lifetime (whoever renews them owns them) and the {@link #unmanaged} ones (a VRRP virtual address
 * keepalived adds and removes). A device not named at all is never touched.
 *
 * @param device the kernel's device name
 * @param role the traffic the device carries; a {@link TrafficType#PUBLIC} device announces each
 *     IPv4 address added to it with a gratuitous ARP
 * @param addresses host address with prefix length ({@code 203.0.113.20/24}), IPv4 or IPv6, no
 *     address twice; added in this order, so the first of an IPv4 subnet becomes its primary
 *     (the source address of traffic the router originates there)
 * @param mtu the MTU to set, or empty to leave it as it is
 * @param up whether the link is to be up (a backup router keeps extra public links down); the
 *     kernel drops the IPv4 routes through a down link and refuses new ones, so routes through a
 *     device meant to be down are not applied
 * @param unmanaged addresses on this device that something else owns: neither added nor removed
 */
public record InterfaceAddresses(String device, TrafficType role, List<Cidr> addresses, OptionalInt mtu, boolean up,
        Set<IpAddress> unmanaged) {
    /** The smallest MTU Linux accepts for IPv4. */
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 65535;

    public InterfaceAddresses {
        DeviceName.require("device", device);
        requireNonNull(role, "role is null");
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
        requireNonNull(mtu, "mtu is null");
        unmanaged = Set.copyOf(requireNonNull(unmanaged, "unmanaged is null"));
        Map<IpAddress, Cidr> seen = new HashMap<>();
        for (int i = 0; i < addresses.size(); i++) {
            Cidr cidr = addresses.get(i);
            Cidr earlier = seen.put(cidr.address(), cidr);
            if (earlier != null) {
                throw new InvalidParameterException(device + ".addresses[" + i + "]", "address given twice (also as " + earlier + ")", cidr);
            }
            if (unmanaged.contains(cidr.address())) {
                throw new InvalidParameterException(device + ".unmanaged", "address is also listed as managed", cidr.address());
            }
        }
        if (mtu.isPresent() && (mtu.getAsInt() < MIN_MTU || mtu.getAsInt() > MAX_MTU)) {
            throw new InvalidParameterException(device + ".mtu", "must be between " + MIN_MTU + " and " + MAX_MTU, mtu.getAsInt());
        }
    }

    /** A device that is up, with these addresses, its MTU left alone and nothing unmanaged. */
    public static InterfaceAddresses of(String device, TrafficType role, List<Cidr> addresses) {
        return new InterfaceAddresses(device, role, addresses, OptionalInt.empty(), true, Set.of());
    }

    public InterfaceAddresses withMtu(int value) {
        return new InterfaceAddresses(device, role, addresses, OptionalInt.of(value), up, unmanaged);
    }

    /** The same device with its link down (its addresses are still configured). */
    public InterfaceAddresses down() {
        return new InterfaceAddresses(device, role, addresses, mtu, false, unmanaged);
    }

    public InterfaceAddresses withUnmanaged(Set<IpAddress> others) {
        return new InterfaceAddresses(device, role, addresses, mtu, up, others);
    }

    /** Whether an address added here is announced with a gratuitous ARP. */
    public boolean announcesAddresses() {
        return role == TrafficType.PUBLIC && up;
    }
}
