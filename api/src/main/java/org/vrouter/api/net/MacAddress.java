package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/** An Ethernet MAC address in lower-case colon form ({@code 02:00:4c:5f:00:01}). */
public record MacAddress(String value) {
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern ACCEPTED = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");

    public MacAddress {
        requireNonNull(value, "value is null");
        if (!CANONICAL.matcher(value).matches()) {
            throw new InvalidParameterException("mac_address", "not a MAC address (six hex pairs separated by ':')", value);
        }
    }

    /** Parses six hex pairs separated by {@code :} or {@code -}, any case, naming {@code field} in the error. */
    public static MacAddress parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!ACCEPTED.matcher(text).matches()) {
            throw new InvalidParameterException(field, "not a MAC address (six hex pairs separated by ':')", text);
        }
        return new MacAddress(text.replace('-', ':').toLowerCase(Locale.ROOT));
    }

    public static MacAddress parse(String text) {
        return parse("mac_address", text);
    }

    /** The MAC whose 48 bits are the low bits of {@code bits}. */
    public static MacAddress ofLong(long bits) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (out.length() > 0) {
                out.append(':');
            }
            out.append(String.format(Locale.ROOT, "%02x", (bits >>> shift) & 0xff));
        }
        return new MacAddress(out.toString());
    }

    public long toLong() {
        return Long.parseLong(value.replace(":", ""), 16);
    }

    @Override
    public String toString() {
        return value;
    }
}
