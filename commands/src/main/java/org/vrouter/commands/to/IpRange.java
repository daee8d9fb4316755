package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * An inclusive range of IPv4 addresses, written {@code first-last} on the wire
 * ({@code ip_range} of {@code remote_access_vpn.json}: the addresses handed to VPN clients).
 */
public record IpRange(IpAddress first, IpAddress last) {
    public IpRange {
        check("ip_range", requireNonNull(first, "first is null"), requireNonNull(last, "last is null"));
    }

    private static void check(String field, IpAddress first, IpAddress last) {
        TransferChecks.requireIpv4(field, first);
        TransferChecks.requireIpv4(field, last);
        if (first.compareTo(last) > 0) {
            throw new InvalidParameterException(field, "first address is after last address", first + "-" + last);
        }
    }

    /** Parses {@code a.b.c.d-e.f.g.h}, naming {@code field} in the error. */
    public static IpRange parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new InvalidParameterException(field, "not an address range (first-last)", text);
        }
        IpAddress first;
        IpAddress last;
        try {
            first = IpAddress.parse(field, parts[0]);
            last = IpAddress.parse(field, parts[1]);
        }
        catch (InvalidParameterException e) {
            throw new InvalidParameterException(field, "not an IPv4 address range (first-last)", text);
        }
        check(field, first, last);
        return new IpRange(first, last);
    }

    public boolean contains(IpAddress address) {
        return address.isIpv4() && first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }

    /** {@code first-last}. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
