package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;

/**
 * An address with a prefix length, IPv4 or IPv6: {@code 10.1.1.0/24}, {@code 10.1.1.5/24},
 * {@code fd00::/64}. The address may have host bits set (an interface address); use
 * {@link #network()} for the network itself and {@link #isNetworkAddress()} to insist on one.
 */
public record Cidr(IpAddress address, int prefixLength) {
    public Cidr {
        requireNonNull(address, "address is null");
        int max = address.isIpv4() ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new InvalidParameterException("cidr", "prefix length must be between 0 and " + max, address + "/" + prefixLength);
        }
    }

    /** Parses {@code address/prefix}, naming {@code field} in the error. */
    public static Cidr parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new InvalidParameterException(field, "not a CIDR (address/prefix)", text);
        }
        IpAddress address;
        try {
            address = IpAddress.parse(field, text.substring(0, slash));
        }
        catch (InvalidParameterException e) {
            throw new InvalidParameterException(field, "not a CIDR (address/prefix)", text);
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParameterException(field, "not a CIDR (address/prefix)", text);
        }
        int length = Integer.parseInt(prefix);
        int max = address.isIpv4() ? 32 : 128;
        if (length > max) {
            throw new InvalidParameterException(field, "prefix length must be between 0 and " + max, text);
        }
        return new Cidr(address, length);
    }

    public static Cidr parse(String text) {
        return parse("cidr", text);
    }

    /** Parses a network CIDR and insists that no host bits are set ({@code 10.1.1.0/24}, not {@code 10.1.1.5/24}). */
    public static Cidr parseNetwork(String field, String text) {
        return parse(field, text).requireNetworkAddress(field);
    }

    /** An IPv4 address with a dotted netmask, as CloudStack sends them ({@code 10.1.1.5} + {@code 255.255.255.0}). */
    public static Cidr of(IpAddress address, Netmask netmask) {
        if (!address.isIpv4()) {
            throw new InvalidParameterException("netmask", "a dotted netmask applies to IPv4 only", address);
        }
        return new Cidr(address, netmask.prefixLength());
    }

    public boolean isIpv4() {
        return address.isIpv4();
    }

    /** The network: this address with host bits cleared. */
    public Cidr network() {
        return new Cidr(IpAddress.ofBytes(masked(address.bytes(), false)), prefixLength);
    }

    public boolean isNetworkAddress() {
        return network().address().equals(address);
    }

    /**
     * This CIDR, when it is a network address (no host bits set): the check every network CIDR of
     * the model and the commands makes.
     *
     * @throws InvalidParameterException naming {@code field} otherwise; the message suggests {@link #network()}
     */
    public Cidr requireNetworkAddress(String field) {
        if (!isNetworkAddress()) {
            throw new InvalidParameterException(field, "host bits set in network CIDR (did you mean " + network() + "?)", this);
        }
        return this;
    }

    /** The last address of the range (IPv4: the broadcast address). */
    public IpAddress broadcast() {
        return IpAddress.ofBytes(masked(address.bytes(), true));
    }

    /** The IPv4 netmask. */
    public Netmask netmask() {
        if (!isIpv4()) {
            throw new IllegalStateException("an IPv6 prefix has no dotted netmask: " + this);
        }
        return new Netmask(prefixLength);
    }

    /** Whether {@code other} lies in this range (false for a different address family). */
    public boolean contains(IpAddress other) {
        if (other.isIpv4() != isIpv4()) {
            return false;
        }
        if (isIpv4()) {
            // the hot path of every port forward and DHCP host mapped to its network: no parsing into arrays
            long mask = prefixLength == 0 ? 0 : 0xffff_ffffL << (32 - prefixLength) & 0xffff_ffffL;
            return (IpAddress.ipv4Number(other.value()) & mask) == (IpAddress.ipv4Number(address.value()) & mask);
        }
        return java.util.Arrays.equals(masked(other.bytes(), false), masked(address.bytes(), false));
    }

    /** Whether the whole of {@code other} lies in this range. */
    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.address);
    }

    private byte[] masked(byte[] bytes, boolean setHostBits) {
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            int index = bit / 8;
            int mask = 0x80 >>> (bit % 8);
            bytes[index] = (byte) (setHostBits ? bytes[index] | mask : bytes[index] & ~mask);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
