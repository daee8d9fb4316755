package org.vrouter.router.dhcp;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The last check on every string the renderer puts into a dnsmasq file. The input records already
 * validate their values; this is defence in depth, so that no future input path can smuggle a
 * second field (a comma), a second line, a comment or a quote into a host or option line.
 */
final class DnsmasqText {
    private DnsmasqText() {}

    /**
     * The value, if it holds no comma, {@code #}, quote, whitespace or control character.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    static String check(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (value.isEmpty()) {
            throw new InvalidParameterException(field, "is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '#' || c == '"' || c == '\'' || c == '\\' || Character.isWhitespace(c) || c < 0x20 || c == 0x7f) {
                throw new InvalidParameterException(field,
                        "must not contain commas, '#', quotes, backslashes, whitespace or line breaks (it goes into a dnsmasq file)",
                        value);
            }
        }
        return value;
    }
}
