package org.vrouter.api.net;

import org.vrouter.api.error.InvalidParameterException;

/** An IPv4 netmask, kept as its prefix length; prints in dotted form ({@code 255.255.255.0}). */
public record Netmask(int prefixLength) {
    public Netmask {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new InvalidParameterException("netmask", "prefix length must be between 0 and 32", prefixLength);
        }
    }

    /** Parses a dotted netmask with contiguous one bits, naming {@code field} in the error. */
    public static Netmask parse(String field, String dotted) {
        IpAddress address;
        try {
            address = IpAddress.parse(field, dotted);
        }
        catch (InvalidParameterException e) {
            throw new InvalidParameterException(field, "not a dotted IPv4 netmask", dotted);
        }
        if (!address.isIpv4()) {
            throw new InvalidParameterException(field, "not a dotted IPv4 netmask", dotted);
        }
        byte[] b = address.bytes();
        long bits = ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        int prefix = Long.numberOfLeadingZeros(~bits & 0xffffffffL) - 32;
        if (new Netmask(prefix).bits() != bits) {
            throw new InvalidParameterException(field, "netmask bits are not contiguous", dotted);
        }
        return new Netmask(prefix);
    }

    public static Netmask parse(String dotted) {
        return parse("netmask", dotted);
    }

    long bits() {
        return prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
    }

    public IpAddress address() {
        long bits = bits();
        return IpAddress.ofBytes(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
    }

    @Override
    public String toString() {
        return address().value();
    }
}
