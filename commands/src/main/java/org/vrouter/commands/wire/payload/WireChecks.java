package org.vrouter.commands.wire.payload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * Checks shared by the payload records' compact constructors, on top of {@link FieldChecks} and the
 * api net types. Every check names the wire field and returns the (normalised) value.
 */
final class WireChecks {
    /** CloudStack's highest NIC device number is far below this; it only keeps {@code ethN} sane. */
    static final int MAX_DEVICE_NUMBER = 999;

    private static final Pattern DEVICE = Pattern.compile("eth(0|[1-9][0-9]{0,2})");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern DIRECTORY = Pattern.compile("(/[A-Za-z0-9._-]+)+/?");
    private static final Pattern COLON_PORTS = Pattern.compile("([0-9]{1,5}):([0-9]{1,5})");
    private static final Pattern MAP_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private WireChecks() {}

    /** A field CloudStack always sends: absent (or JSON {@code null}) is an error naming it. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        return value;
    }

    /**
     * A field CloudStack has sent under two names: the value under whichever name is present. Both present
     * is accepted only with equal values, so an ambiguous payload is never resolved by key order.
     */
    static <T> Optional<T> eitherName(String field, Optional<T> value, String oldField, Optional<T> oldValue) {
        if (value != null && value.isPresent() && oldValue != null && oldValue.isPresent() && !value.equals(oldValue)) {
            throw new InvalidParameterException(oldField, "conflicts with " + field + " (the same field under its other name)");
        }
        if (value != null && value.isPresent()) {
            return value;
        }
        return oldValue == null ? Optional.empty() : oldValue;
    }

    /** An immutable copy of a JSON array; absent means empty, a {@code null} element is an error. */
    static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidParameterException(field + "[" + i + "]", "is null");
            }
        }
        return List.copyOf(values);
    }

    /**
     * An immutable, order-preserving copy of a string map (Gson writes map keys verbatim, so they are
     * checked as tokens and the values as safe text).
     */
    static Map<String, String> textMap(String field, Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || !MAP_KEY.matcher(key).matches()) {
                throw new InvalidParameterException(field, "key must be letters, digits, '_', '.' or '-'", key);
            }
            copy.put(key, FieldChecks.requireSafeText(field + "." + key, required(field + "." + key, value)));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A router NIC name, {@code ethN}. */
    static String device(String field, String value) {
        required(field, value);
        if (!DEVICE.matcher(value).matches()) {
            throw new InvalidParameterException(field, "not a device name (eth0 .. eth" + MAX_DEVICE_NUMBER + ")", value);
        }
        return value;
    }

    /** A NIC device number, the N of {@code ethN}. */
    static int deviceNumber(String field, int value) {
        return FieldChecks.requireRange(field, value, 0, MAX_DEVICE_NUMBER);
    }

    /** A prefix length sent as a decimal string ({@code "24"}), as CloudStack does for some netmasks. */
    static String prefixLengthText(String field, String value, int max) {
        required(field, value);
        if (!PREFIX_LENGTH.matcher(value).matches() || Integer.parseInt(value) > max) {
            throw new InvalidParameterException(field, "not a prefix length (0 to " + max + ", as a string)", value);
        }
        return value;
    }

    /** A protocol name from {@code allowed}, any case on input, lower case on the wire. */
    static String protocol(String field, String value, Set<String> allowed) {
        required(field, value);
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new InvalidParameterException(field, "unknown protocol (expected one of " + sorted(allowed) + ")", value);
        }
        return lower;
    }

    /** A value from a closed set of wire names, compared exactly. */
    static String oneOf(String field, String value, Set<String> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw new InvalidParameterException(field, "unknown value (expected one of " + sorted(allowed) + ")", value);
        }
        return value;
    }

    /** ICMP type or code: 0 to 255, or -1 for "any". */
    static int icmp(String field, int value) {
        return FieldChecks.requireRange(field, value, -1, 255);
    }

    /** An IP protocol number, 0 to 255. */
    static int protocolNumber(String field, int value) {
        return FieldChecks.requireRange(field, value, 0, 255);
    }

    /** A comma-separated list of address literals; empty elements are allowed (CloudStack joins optional DNS servers). */
    static String addressList(String field, String value) {
        required(field, value);
        for (String part : value.split(",", -1)) {
            if (!part.isEmpty()) {
                IpAddress.parse(field, part);
            }
        }
        return value;
    }

    /** The addresses of an {@link #addressList}, empty elements dropped. */
    static List<IpAddress> addresses(String field, String value) {
        List<IpAddress> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (!part.isEmpty()) {
                out.add(IpAddress.parse(field, part));
            }
        }
        return List.copyOf(out);
    }

    /** A CIDR list with at least one element. */
    static CidrList nonEmpty(String field, CidrList value) {
        required(field, value);
        if (value.isEmpty()) {
            throw new InvalidParameterException(field, "must list at least one CIDR");
        }
        return value;
    }

    /** A bare file name: no directory part, no leading dot or dash. */
    static String fileName(String field, String value) {
        required(field, value);
        if (!FILE_NAME.matcher(value).matches() || value.contains("..")) {
            throw new InvalidParameterException(field, "not a file name (letters, digits, '.', '_', '-'; no '/' or '..')", value);
        }
        return value;
    }

    /** An absolute directory path of plain name segments. */
    static String directory(String field, String value) {
        required(field, value);
        if (!DIRECTORY.matcher(value).matches() || value.contains("/../") || value.endsWith("/..") || value.contains("/./")) {
            throw new InvalidParameterException(field, "not an absolute directory path", value);
        }
        return value;
    }

    /** CloudStack's {@code "start:end"} port range (both ends, 1 to 65535). */
    static PortRange colonPortRange(String field, String value) {
        required(field, value);
        var matcher = COLON_PORTS.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidParameterException(field, "not a port range (start:end)", value);
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Integer.parseInt(matcher.group(2));
        FieldChecks.requirePort(field, start);
        FieldChecks.requirePort(field, end);
        if (start > end) {
            throw new InvalidParameterException(field, "start port is after end port", value);
        }
        return PortRange.of(start, end);
    }

    /** A secret that lands in a config file: safe text, value never shown. */
    static Secret safeSecret(String field, Secret value) {
        required(field, value);
        FieldChecks.requireSafeSecret(field, value.reveal());
        return value;
    }

    /** A secret that lands in a whitespace-separated config line (chap-secrets, frr.conf): also no spaces. */
    static Secret secretToken(String field, Secret value) {
        safeSecret(field, value);
        if (value.isEmpty() || value.reveal().chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException(field, "must be non-empty and contain no whitespace");
        }
        return value;
    }

    /** Free text that lands in a config file: {@link FieldChecks#requireSafeText} plus presence. */
    static String safeText(String field, String value) {
        return FieldChecks.requireSafeText(field, required(field, value));
    }

    /** A token without whitespace that lands in a config file. */
    static String safeToken(String field, String value) {
        safeText(field, value);
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException(field, "must be non-empty and contain no whitespace", value);
        }
        return value;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
