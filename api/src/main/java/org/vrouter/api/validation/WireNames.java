package org.vrouter.api.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Case-insensitive lookup of enum constants by their CloudStack wire name, shared by every wire
 * enum so each one reports an unknown value the same way: the field, the bad value and the list of
 * valid wire names.
 */
public final class WireNames {
    private WireNames() {}

    /**
     * The constant whose wire name (or Java name) equals {@code name}, ignoring case.
     *
     * @throws InvalidParameterException naming {@code field} when {@code name} is null or unknown;
     *     the message lists the valid wire names
     */
    public static <E extends Enum<E>> E fromWireName(String field, String name, E[] values, Function<E, String> wireName) {
        return fromWireName(field, name, values, wireName, "value");
    }

    /**
     * As {@link #fromWireName(String, String, Enum[], Function)}, saying what was unknown:
     * {@code unknown <kind> (expected one of [...])}.
     */
    public static <E extends Enum<E>> E fromWireName(String field, String name, E[] values, Function<E, String> wireName, String kind) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (E value : values) {
            if (wireName.apply(value).equalsIgnoreCase(name) || value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidParameterException(field, "unknown " + kind + " (expected one of " + list(values, wireName) + ")", name);
    }

    /** The wire names of {@code values} as {@code [a, b, c]}, for error messages. */
    public static <E extends Enum<E>> String list(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).toList().toString();
    }

    /** Lower-cases with {@link Locale#ROOT}, for registries keyed case-insensitively. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
