package org.vrouter.hypervisor.vmware.vsphere;

/** The VM tasks the router resource runs, named as vSphere names them. */
public enum VmTask {
    POWER_ON("PowerOnVM_Task"),
    POWER_OFF("PowerOffVM_Task"),
    /** Unregisters the VM and deletes its files; disks attached from a volume path are detached first and survive. */
    DESTROY("Destroy_Task");

    private final String vsphereName;

    VmTask(String vsphereName) {
        this.vsphereName = vsphereName;
    }

    /** The vSphere method, for messages. */
    public String vsphereName() {
        return vsphereName;
    }
}
