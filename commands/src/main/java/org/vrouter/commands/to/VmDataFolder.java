package org.vrouter.commands.to;

/**
 * The folder of a {@link VmDataEntry}: {@code userdata} (the VM's user data) or {@code metadata}
 * (one file per metadata item), the first element of each {@code vm_metadata} triple.
 */
public enum VmDataFolder {
    USERDATA("userdata"),
    METADATA("metadata");

    private final String wireName;

    VmDataFolder(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
