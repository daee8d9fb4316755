package org.vrouter.commands.to;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The checks CloudStack's {@code validateHAProxyLBRule} applies to stickiness parameters, made
 * strict enough that haproxy 2.6 accepts every value that passes: digits only (no sign), and
 * totals within haproxy's limits (timers up to 2147483647 ms, table sizes up to 2^32 - 1 entries).
 */
final class LbStickinessParams {
    private static final Pattern TIME = Pattern.compile("([0-9]{1,10})([dhms]?)");
    private static final Pattern TABLE_SIZE = Pattern.compile("([0-9]{1,7})([kmg])");
    // A cookie token that needs no quoting in haproxy's configuration: no '#', quotes or spaces.
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final long MAX_TIMER_MILLIS = Integer.MAX_VALUE;
    private static final long MAX_TABLE_ENTRIES = 0xffffffffL;

    private LbStickinessParams() {}

    /**
     * A haproxy time: a number with a unit {@code d h m s}, or, when {@code unitOptional}, a plain
     * number of milliseconds. CloudStack's Source {@code expire} needs the unit; AppCookie
     * {@code holdtime} does not.
     */
    static String requireTime(String field, String value, boolean unitOptional) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        Matcher matcher = TIME.matcher(value);
        if (!matcher.matches() || (!unitOptional && matcher.group(2).isEmpty())) {
            throw new InvalidParameterException(field,
                    unitOptional ? "not a time (a number, optionally followed by d, h, m or s)" : "not a time (a number followed by d, h, m or s)",
                    value);
        }
        long millis = Long.parseLong(matcher.group(1)) * unitMillis(matcher.group(2));
        if (millis < 1 || millis > MAX_TIMER_MILLIS) {
            throw new InvalidParameterException(field, "must be between 1 ms and 2147483647 ms (about 24 days)", value);
        }
        return value;
    }

    /** A stick-table size: a number followed by {@code k}, {@code m} or {@code g} (binary multiples). */
    static String requireTableSize(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        Matcher matcher = TABLE_SIZE.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidParameterException(field, "not a table size (a number followed by k, m or g)", value);
        }
        long entries = Long.parseLong(matcher.group(1)) * sizeMultiplier(matcher.group(2));
        if (entries < 1 || entries > MAX_TABLE_ENTRIES) {
            throw new InvalidParameterException(field, "must be between 1 and 4294967295 entries", value);
        }
        return value;
    }

    /** A cookie name: letters, digits, {@code _ . -}, at most 64 characters. */
    static String requireCookieName(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!COOKIE_NAME.matcher(value).matches()) {
            throw new InvalidParameterException(field,
                    "not a safe cookie name (letters, digits, '_', '.' and '-', starting with a letter, digit or '_', at most 64)", value);
        }
        return value;
    }

    /** A positive integer in decimal digits. */
    static int requirePositiveInt(String field, String value, int max) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) < 1 || Long.parseLong(value) > max) {
            throw new InvalidParameterException(field, "must be an integer between 1 and " + max, value);
        }
        return Integer.parseInt(value);
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "d" -> 86_400_000L;
            case "h" -> 3_600_000L;
            case "m" -> 60_000L;
            case "s" -> 1_000L;
            default -> 1L;
        };
    }

    private static long sizeMultiplier(String unit) {
        return switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            default -> 1L << 30;
        };
    }
}
