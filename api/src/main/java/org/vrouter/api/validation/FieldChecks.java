package org.vrouter.api.validation;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Checks for values that end up in router configuration files or on a command line. Every check
 * returns its input so it can be used in a record's compact constructor, and throws
 * {@link InvalidParameterException} naming the field otherwise.
 *
 * <p>Why so strict: a CloudStack router writes these strings into dnsmasq, haproxy, strongSwan and
 * shell lines. A newline starts a new config line, a quote or {@code $(} ends a quoted value or
 * opens a command substitution, a leading dash becomes an option. Rejecting them at the door means
 * no renderer has to escape anything.
 */
public final class FieldChecks {
    // RFC 1123 labels: letters, digits, hyphen; no leading or trailing hyphen.
    private static final Pattern HOST_NAME_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+=/-]{0,254}");

    private FieldChecks() {}

    /** A present, non-blank value. */
    public static String requireNonBlank(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (value.isBlank()) {
            throw new InvalidParameterException(field, "is blank");
        }
        return value;
    }

    /**
     * Free text that lands inside a config file or quoted argument: no control characters
     * (newline, carriage return, NUL...), no quotes, no backslash, backtick or {@code $(}.
     * Empty is allowed.
     */
    public static String requireSafeText(String field, String value) {
        return safeText(field, value, value);
    }

    /** As {@link #requireSafeText}, for secrets: the message never shows the value. */
    public static String requireSafeSecret(String field, String value) {
        return safeText(field, value, null);
    }

    private static String safeText(String field, String value, String shown) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidParameterException(field, "must not contain control characters (newline, tab, NUL...)", shown);
            }
            if (c == '"' || c == '\'' || c == '`' || c == '\\') {
                throw new InvalidParameterException(field, "must not contain quotes, backticks or backslashes", shown);
            }
            if (c == '$' && i + 1 < value.length() && (value.charAt(i + 1) == '(' || value.charAt(i + 1) == '{')) {
                throw new InvalidParameterException(field, "must not contain '$(' or '${'", shown);
            }
        }
        return value;
    }

    /**
     * A DNS host name (RFC 1123): dot-separated labels of letters, digits and hyphens, at most 253
     * characters. Rejects commas, spaces, newlines and a leading dash, so the value is safe in
     * dnsmasq host files and as a command argument.
     */
    public static String requireHostName(String field, String value) {
        requireNonBlank(field, value);
        if (value.length() > 253) {
            throw new InvalidParameterException(field, "host name longer than 253 characters", value);
        }
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        for (String label : name.split("\\.", -1)) {
            if (!HOST_NAME_LABEL.matcher(label).matches()) {
                throw new InvalidParameterException(field,
                        "not a host name (letters, digits and '-' in dot-separated labels of at most 63 characters)", value);
            }
        }
        return value;
    }

    /**
     * A token such as a name, uuid, key or user name: starts with a letter or digit, then letters,
     * digits and {@code . _ : @ + = / -}; at most 255 characters; no whitespace.
     */
    public static String requireIdentifier(String field, String value) {
        requireNonBlank(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidParameterException(field,
                    "must start with a letter or digit and contain only letters, digits and . _ : @ + = / - (at most 255)", value);
        }
        return value;
    }

    /** A TCP/UDP port, 1 to 65535. */
    public static int requirePort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidParameterException(field, "port must be between 1 and 65535", port);
        }
        return port;
    }

    /** A number within {@code [min, max]}. */
    public static long requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidParameterException(field, "must be between " + min + " and " + max, value);
        }
        return value;
    }

    /** A number within {@code [min, max]}. */
    public static int requireRange(String field, int value, int min, int max) {
        return (int) requireRange(field, (long) value, min, max);
    }

    /** A database id or other strictly positive number. */
    public static long requirePositive(String field, long value) {
        if (value <= 0) {
            throw new InvalidParameterException(field, "must be positive", value);
        }
        return value;
    }

    /** A non-negative number. */
    public static long requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidParameterException(field, "must not be negative", value);
        }
        return value;
    }
}
