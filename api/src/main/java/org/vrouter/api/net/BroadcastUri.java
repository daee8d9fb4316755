package org.vrouter.api.net;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * A CloudStack broadcast or isolation URI: {@code vlan://100}, {@code vlan://untagged},
 * {@code vxlan://5000}, {@code pvlan://100-i200}, {@code lswitch://...}. The scheme is lower case;
 * VLAN ids must be 1 to 4094 and VXLAN ids 1 to 16777215.
 */
public record BroadcastUri(String scheme, String value) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9]{0,15}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern PVLAN = Pattern.compile("(\\d{1,4})-i(\\d{1,4})");

    public BroadcastUri {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(value, "value is null");
        String text = scheme + "://" + value;
        if (!SCHEME.matcher(scheme).matches() || !VALUE.matcher(value).matches()) {
            throw new InvalidParameterException("broadcast_uri", "not a broadcast URI (scheme://id)", text);
        }
        switch (scheme) {
            case "vlan" -> {
                if (!value.equals("untagged")) {
                    requireId(text, value, 4094);
                }
            }
            case "vxlan" -> requireId(text, value, 16_777_215);
            case "pvlan" -> {
                var matcher = PVLAN.matcher(value);
                if (!matcher.matches()) {
                    throw new InvalidParameterException("broadcast_uri", "a PVLAN URI is pvlan://<primary>-i<secondary>", text);
                }
                requireId(text, matcher.group(1), 4094);
                requireId(text, matcher.group(2), 4094);
            }
            default -> { }
        }
    }

    /** Parses {@code scheme://value}, naming {@code field} in the error. */
    public static BroadcastUri parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        int separator = text.indexOf("://");
        if (separator <= 0) {
            throw new InvalidParameterException(field, "not a broadcast URI (scheme://id, e.g. vlan://100)", text);
        }
        try {
            return new BroadcastUri(text.substring(0, separator).toLowerCase(Locale.ROOT), text.substring(separator + 3));
        }
        catch (InvalidParameterException e) {
            throw new InvalidParameterException(field, e.getMessage().substring(e.field().length() + 2));
        }
    }

    public static BroadcastUri parse(String text) {
        return parse("broadcast_uri", text);
    }

    public static BroadcastUri vlan(int id) {
        return new BroadcastUri("vlan", Integer.toString(id));
    }

    /** The VLAN id of a tagged {@code vlan://} URI (for PVLAN, the primary VLAN). */
    public OptionalInt vlanId() {
        if (scheme.equals("vlan") && !value.equals("untagged")) {
            return OptionalInt.of(Integer.parseInt(value));
        }
        if (scheme.equals("pvlan")) {
            return OptionalInt.of(Integer.parseInt(value.substring(0, value.indexOf('-'))));
        }
        return OptionalInt.empty();
    }

    private static void requireId(String text, String id, int max) {
        if (!id.chars().allMatch(c -> c >= '0' && c <= '9') || id.length() > 8) {
            throw new InvalidParameterException("broadcast_uri", "id must be a number between 1 and " + max, text);
        }
        int number = Integer.parseInt(id);
        if (number < 1 || number > max) {
            throw new InvalidParameterException("broadcast_uri", "id must be a number between 1 and " + max, text);
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + value;
    }
}
