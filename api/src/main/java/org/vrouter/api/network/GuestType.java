package org.vrouter.api.network;

import org.vrouter.api.validation.WireNames;

/** How a guest network is shared: one account's isolated network, a shared network, or plain L2. */
public enum GuestType {
    ISOLATED("Isolated"),
    SHARED("Shared"),
    L2("L2");

    private final String wireName;

    GuestType(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire (JSON values, access details, boot arguments). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static GuestType fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), GuestType::wireName);
    }
}
