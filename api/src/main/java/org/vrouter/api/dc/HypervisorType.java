package org.vrouter.api.dc;


import org.vrouter.api.error.InvalidParameterException;

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
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (HypervisorType value : values()) {
            if (value.wireName.equalsIgnoreCase(name) || value.name().equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidParameterException(field, "unknown value (expected one of " + java.util.Arrays.stream(values()).map(v -> v.wireName).toList() + ")", name);
    }
}
