package org.vrouter.api.rule;

import org.vrouter.api.validation.WireNames;

/**
 * Where a rule is in its life: being added, active on the routers, or being revoked (removed).
 * Routers get {@code already_added} for Active and {@code revoked} for Revoke.
 */
public enum RuleState {
    ADD("Add"),
    ACTIVE("Active"),
    REVOKE("Revoke");

    private final String wireName;

    RuleState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isRevoked() {
        return this == REVOKE;
    }

    /** Looks up a wire name, ignoring case. */
    public static RuleState fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), RuleState::wireName);
    }
}
