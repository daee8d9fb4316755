package org.vrouter.api.router;

import org.vrouter.api.validation.WireNames;

/**
 * What a router appliance does (CloudStack's {@code VirtualRouter.Role}). Network services are
 * applied to {@link #VIRTUAL_ROUTER} routers only.
 */
public enum Role {
    VIRTUAL_ROUTER,
    LB,
    INTERNAL_LB_VM;

    /** CloudStack's enum name, which is also the wire and database value. */
    public String wireName() {
        return name();
    }

    /** Looks up a wire name, ignoring case. */
    public static Role fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), Role::wireName);
    }
}
