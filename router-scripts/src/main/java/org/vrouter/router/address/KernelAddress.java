package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.Cidr;

/**
 * An address the kernel holds on a device, as {@code ip -json address show} reports it.
 *
 * @param cidr the address with its prefix length
 * @param secondary an IPv4 address in the subnet of an earlier (primary) one: deleting the primary
 *     deletes it too unless {@code promote_secondaries} is set
 * @param dynamic it has a lifetime (SLAAC, DHCP): whoever renews it owns it
 */
public record KernelAddress(Cidr cidr, boolean secondary, boolean dynamic) {
    public KernelAddress {
        requireNonNull(cidr, "cidr is null");
    }

    public static KernelAddress of(Cidr cidr) {
        return new KernelAddress(cidr, false, false);
    }

    /** An IPv6 link-local address (fe80::/10): the kernel's, derived from the MAC address. */
    public boolean isIpv6LinkLocal() {
        byte[] bytes = cidr.address().bytes();
        return bytes.length == 16 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
    }

    @Override
    public String toString() {
        return cidr + (secondary ? " secondary" : "") + (dynamic ? " dynamic" : "");
    }
}
