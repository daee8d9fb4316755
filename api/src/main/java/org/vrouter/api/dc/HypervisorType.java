package org.vrouter.api.dc;

import org.vrouter.api.validation.WireNames;

/** The hypervisor family a host runs; {@code NETNS} and {@code SIMULATOR} are vrouter's own (Linux namespaces on this host, and the in-memory test simulator). */
public enum HypervisorType {
    KVM("KVM"),
    XENSERVER("XenServer"),
    VMWARE("VMware"),
    NETNS("Netns"),
    SIMULATOR("Simulator");

    private final String wireName;

    HypervisorType(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire (JSON values, access details, boot arguments). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static HypervisorType fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), HypervisorType::wireName);
    }
}
