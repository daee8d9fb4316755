package org.vrouter.api.dc;

import org.vrouter.api.validation.WireNames;

/** A zone's network model, sent to routers as access detail {@code zone.network.type}. */
public enum NetworkType {
    BASIC("Basic"),
    ADVANCED("Advanced");

    private final String wireName;

    NetworkType(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire (JSON values, access details, boot arguments). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static NetworkType fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), NetworkType::wireName);
    }
}
