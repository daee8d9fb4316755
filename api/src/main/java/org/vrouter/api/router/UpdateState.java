package org.vrouter.api.router;

import org.vrouter.api.validation.WireNames;

/**
 * Progress of a rolling ("in sequence") update of a redundant network's routers (CloudStack's
 * {@code VirtualRouter.UpdateState}); {@link #NONE} when no such update concerns the router.
 */
public enum UpdateState {
    NONE,
    UPDATE_NEEDED,
    UPDATE_IN_PROGRESS,
    UPDATE_COMPLETE,
    UPDATE_FAILED;

    /** CloudStack's enum name; {@link #NONE} is vrouter's and stands for CloudStack's null. */
    public String wireName() {
        return name();
    }

    /** Looks up a wire name, ignoring case. */
    public static UpdateState fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), UpdateState::wireName);
    }
}
