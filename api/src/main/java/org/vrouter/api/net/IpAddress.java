package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.vrouter.api.error.InvalidParameterException;

/**
 * An IPv4 or IPv6 address literal in canonical text form (dotted quad; RFC 5952 for IPv6).
 * Parsing never touches DNS: anything that is not a literal is rejected.
 */
public record IpAddress(String value) implements Comparable<IpAddress> {
    public IpAddress {
        requireNonNull(value, "value is null");
        String canonical = canonical("address", value);
        if (!canonical.equals(value)) {
            throw new InvalidParameterException("address", "not in canonical form (expected " + canonical + ")", value);
        }
    }

    /** Parses an address literal, naming {@code field} in the error. Accepts any case and IPv6 compression. */
    public static IpAddress parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        return new IpAddress(canonical(field, text));
    }

    public static IpAddress parse(String text) {
        return parse("address", text);
    }

    /** Builds an address from its 4 or 16 bytes. */
    public static IpAddress ofBytes(byte[] bytes) {
        if (bytes.length == 4) {
            return new IpAddress(formatIpv4(bytes));
        }
        if (bytes.length == 16) {
            return new IpAddress(formatIpv6(bytes));
        }
        throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
    }

    public boolean isIpv4() {
        return value.indexOf(':') < 0;
    }

    public boolean isIpv6() {
        return !isIpv4();
    }

    /**
     * This address, when it is IPv4.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public IpAddress requireIpv4(String field) {
        if (!isIpv4()) {
            throw new InvalidParameterException(field, "must be an IPv4 address", this);
        }
        return this;
    }

    /**
     * This address, when it is IPv6.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public IpAddress requireIpv6(String field) {
        if (!isIpv6()) {
            throw new InvalidParameterException(field, "must be an IPv6 address", this);
        }
        return this;
    }

    /** The address bytes (4 or 16), a fresh copy. */
    public byte[] bytes() {
        return isIpv4() ? parseIpv4Bytes("address", value) : parseIpv6Bytes("address", value);
    }

    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        }
        catch (UnknownHostException e) {
            throw new IllegalStateException("cannot happen for 4 or 16 bytes", e);
        }
    }

    @Override
    public int compareTo(IpAddress other) {
        if (isIpv4() && other.isIpv4()) {
            // the hot path of every sorted bag: no parsing, no allocation
            return Long.compare(ipv4Number(value), ipv4Number(other.value));
        }
        byte[] mine = bytes();
        byte[] theirs = other.bytes();
        if (mine.length != theirs.length) {
            return Integer.compare(mine.length, theirs.length);
        }
        return Arrays.compareUnsigned(mine, theirs);
    }

    @Override
    public String toString() {
        return value;
    }

    /** The 32-bit number of a canonical dotted quad (the value of an IPv4 address, which is valid by construction). */
    static long ipv4Number(String quad) {
        long number = 0;
        int octet = 0;
        for (int i = 0; i < quad.length(); i++) {
            char c = quad.charAt(i);
            if (c == '.') {
                number = number << 8 | octet;
                octet = 0;
            }
            else {
                octet = octet * 10 + (c - '0');
            }
        }
        return number << 8 | octet;
    }

    private static String canonical(String field, String text) {
        if (text.indexOf(':') >= 0) {
            return formatIpv6(parseIpv6Bytes(field, text));
        }
        return formatIpv4(parseIpv4Bytes(field, text));
    }

    /** One pass, no allocation but the result: every DHCP entry, rule and bag key goes through here. */
    private static byte[] parseIpv4Bytes(String field, String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int octet = 0;
        int digits = 0;
        boolean leadingZero = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4 || octet > 255 || (leadingZero && digits > 1)) {
                    throw new InvalidParameterException(field, "not an IPv4 or IPv6 address", text);
                }
                bytes[part++] = (byte) octet;
                octet = 0;
                digits = 0;
            }
            else if (c >= '0' && c <= '9' && digits < 3) {
                leadingZero = digits == 0 ? c == '0' : leadingZero;
                octet = octet * 10 + (c - '0');
                digits++;
            }
            else {
                throw new InvalidParameterException(field, "not an IPv4 or IPv6 address", text);
            }
        }
        if (part != 4) {
            throw new InvalidParameterException(field, "not an IPv4 or IPv6 address", text);
        }
        return bytes;
    }

    private static byte[] parseIpv6Bytes(String field, String text) {
        // Only hex digits, colons and (for an embedded IPv4 tail) dots: this keeps
        // InetAddress on the literal path, never a name lookup, and rejects zone ids.
        if (text.length() > 45 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            throw new InvalidParameterException(field, "not an IPv4 or IPv6 address", text);
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (bytes.length == 4) {
                // an IPv4-mapped literal (::ffff:a.b.c.d): keep the IPv6 form
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        }
        catch (UnknownHostException e) {
            throw new InvalidParameterException(field, "not an IPv4 or IPv6 address", text);
        }
    }

    private static String formatIpv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (2+) of zero groups as "::". */
    private static String formatIpv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
