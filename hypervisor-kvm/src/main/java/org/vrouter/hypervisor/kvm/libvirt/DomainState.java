package org.vrouter.hypervisor.kvm.libvirt;

import org.vrouter.api.vm.PowerState;

/** A libvirt domain's state, reduced to what a router resource decides on. */
public enum DomainState {
    RUNNING,
    PAUSED,
    SHUTTING_DOWN,
    SHUT_OFF,
    CRASHED,
    OTHER;

    /** The power state a {@code CheckVirtualMachineCommand} reports for this state. */
    public PowerState powerState() {
        return switch (this) {
            case RUNNING, PAUSED, SHUTTING_DOWN -> PowerState.ON;
            case SHUT_OFF, CRASHED -> PowerState.OFF;
            case OTHER -> PowerState.UNKNOWN;
        };
    }
}
