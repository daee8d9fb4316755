package org.vrouter.api.network;


import org.vrouter.api.error.InvalidParameterException;

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
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (GuestType value : values()) {
            if (value.wireName.equalsIgnoreCase(name) || value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidParameterException(field, "unknown value (expected one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList() + ")", name);
    }
}
