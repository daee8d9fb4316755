package org.vrouter.guru;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;

/**
 * The MACs of a router's NICs, derived from the NIC's address so that planning a router twice
 * gives the same MACs and no pool of MACs has to be kept (CloudStack keeps one per network).
 *
 * <p>The link-local form is CloudStack's and the router side relies on nothing else:
 * {@code 0e:00:a9:fe:xx:yy} for {@code 169.254.xx.yy} (the IPv4 address as a number OR
 * {@code 14 << 40}). The other forms are vrouter's: a locally administered unicast prefix per NIC
 * kind followed by the last four address bytes. An address is unique in its network, so the MAC
 * is unique on its segment, and both members of a redundant pair derive the same public MAC from
 * the shared source NAT address, as CloudStack reuses the peer's.
 */
final class RouterMacAddresses {
    private static final long LINK_LOCAL = 0x0eL << 40;
    private static final long POD_MANAGEMENT = 0x0aL << 40;
    private static final long GUEST = 0x1eL << 40;
    private static final long PUBLIC = 0x06L << 40;

    private RouterMacAddresses() {}

    /** CloudStack's control NIC MAC on KVM, XenServer and the namespace backends. */
    static MacAddress linkLocal(IpAddress address) {
        return MacAddress.ofLong(LINK_LOCAL | low32(address.requireIpv4("control_ip")));
    }

    /** A VMware control NIC's MAC, from its pod management address. */
    static MacAddress podManagement(IpAddress address) {
        return MacAddress.ofLong(POD_MANAGEMENT | low32(address.requireIpv4("control_ip")));
    }

    /** A guest NIC's MAC, from the router's address in the guest network (IPv4, else IPv6). */
    static MacAddress guest(IpAddress address) {
        return MacAddress.ofLong(GUEST | low32(address));
    }

    /** A public NIC's MAC when the source NAT address carries none. */
    static MacAddress publicAddress(IpAddress address) {
        return MacAddress.ofLong(PUBLIC | low32(address.requireIpv4("public_ip")));
    }

    private static long low32(IpAddress address) {
        byte[] bytes = address.bytes();
        long value = 0;
        for (int i = bytes.length - 4; i < bytes.length; i++) {
            value = value << 8 | bytes[i] & 0xffL;
        }
        return value;
    }
}
