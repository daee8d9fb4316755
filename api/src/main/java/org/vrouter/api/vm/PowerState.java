package org.vrouter.api.vm;

import org.vrouter.api.validation.WireNames;

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
        return WireNames.fromWireName(field, name, values(), PowerState::wireName);
    }
}
