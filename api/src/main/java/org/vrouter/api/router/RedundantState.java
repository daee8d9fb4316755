package org.vrouter.api.router;

import java.util.Locale;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The VRRP role a member of a redundant router pair reports. CloudStack called {@code PRIMARY}
 * {@code MASTER} before 4.16; both spellings are accepted on input, {@code PRIMARY} is produced.
 */
public enum RedundantState {
    UNKNOWN,
    PRIMARY,
    BACKUP,
    FAULT;

    /** The name on the wire ({@code redundant_state=} boot argument, {@code checkrouter.sh} output). */
    public String wireName() {
        return name();
    }

    /** Parses a wire name, ignoring case; {@code MASTER} means {@link #PRIMARY}. */
    public static RedundantState fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("MASTER")) {
            return PRIMARY;
        }
        for (RedundantState state : values()) {
            if (state.name().equals(upper)) {
                return state;
            }
        }
        throw new InvalidParameterException(field, "unknown redundant state (expected PRIMARY, BACKUP, FAULT or UNKNOWN)", name);
    }
}
