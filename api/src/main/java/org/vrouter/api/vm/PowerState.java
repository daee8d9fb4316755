package org.vrouter.api.vm;


import org.vrouter.api.error.InvalidParameterException;

/** What a hypervisor reports about a VM: on, off, or not found on the host at all. */
public enum PowerState {
    ON("PowerOn"),
    OFF("PowerOff"),
    MISSING("PowerReportMissing"),
    UNKNOWN("PowerUnknown");

    private final String wireName;

    PowerState(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire (JSON values, access details, boot arguments). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static PowerState fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (PowerState value : values()) {
            if (value.wireName.equalsIgnoreCase(name) || value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidParameterException(field, "unknown value (expected one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList() + ")", name);
    }
}
