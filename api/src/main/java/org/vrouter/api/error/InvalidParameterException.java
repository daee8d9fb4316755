package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

/**
 * A value that can never be valid: thrown at construction of a domain value, command or payload,
 * before anything changes. The message is one line and names the field; {@link #field()} gives it
 * to callers that report errors per field (for example the router side, which names the databag
 * entry and the field on stderr).
 */
public class InvalidParameterException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the field as the caller knows it ({@code mac_address}, {@code rules[2].protocol})
     * @param reason what is wrong, without the value
     * @param value the offending value, shown quoted with control characters escaped; pass
     *     {@code null} for secrets so they never reach a message
     */
    public InvalidParameterException(String field, String reason, Object value) {
        super(Category.INVALID_PARAMETER, message(field, reason, value));
        this.field = requireNonNull(field, "field is null");
    }

    /** For a missing value, or a secret whose value must not appear in the message. */
    public InvalidParameterException(String field, String reason) {
        this(field, reason, null);
    }

    public String field() {
        return field;
    }

    /** The same failure, with {@code prefix} put in front of the field name (for nested values). */
    public InvalidParameterException within(String prefix) {
        InvalidParameterException nested = new InvalidParameterException(prefix + field, reasonAndValue());
        nested.setStackTrace(getStackTrace());
        return nested;
    }

    /** The same failure reported under another field name, for a parser that validates a part of its input. */
    public InvalidParameterException withField(String newField) {
        InvalidParameterException renamed = new InvalidParameterException(newField, reasonAndValue());
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }

    private String reasonAndValue() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }

    private static String message(String field, String reason, Object value) {
        requireNonNull(field, "field is null");
        requireNonNull(reason, "reason is null");
        if (value == null) {
            return field + ": " + reason;
        }
        return field + ": " + reason + ": '" + printable(String.valueOf(value)) + "'";
    }

    /** Escapes control characters so the message stays on one line whatever the input held. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), 120));
        for (int i = 0; i < value.length() && out.length() < 120; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        if (out.length() >= 120) {
            out.append("...");
        }
        return out.toString();
    }
}
