package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;

/**
 * An inclusive range of addresses of one family, first not after last: the client pool of a
 * remote-access VPN ({@code 10.1.2.1-10.1.2.8}) or a DHCP range.
 */
public record IpRange(IpAddress first, IpAddress last) {
    public IpRange {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (first.isIpv4() != last.isIpv4()) {
            throw new InvalidParameterException("ip_range", "first and last address are of different families", first + "-" + last);
        }
        if (first.compareTo(last) > 0) {
            throw new InvalidParameterException("ip_range", "first address is after last address", first + "-" + last);
        }
    }

    /** Parses {@code first-last}, naming {@code field} in the error. */
    public static IpRange parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        int dash = text.indexOf('-');
        if (dash < 0 || dash != text.lastIndexOf('-')) {
            throw new InvalidParameterException(field, "not an address range (first-last)", text);
        }
        IpAddress first = IpAddress.parse(field, text.substring(0, dash));
        IpAddress last = IpAddress.parse(field, text.substring(dash + 1));
        try {
            return new IpRange(first, last);
        }
        catch (InvalidParameterException e) {
            throw e.withField(field);
        }
    }

    /** Whether {@code address} lies in the range (false for another family). */
    public boolean contains(IpAddress address) {
        return address.isIpv4() == first.isIpv4() && first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }

    /** Whether the whole range lies inside {@code cidr}. */
    public boolean isWithin(Cidr cidr) {
        return cidr.contains(first) && cidr.contains(last);
    }

    /** {@code first-last}, CloudStack's wire form. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
