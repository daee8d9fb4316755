package org.vrouter.commands.to;

/**
 * The kind of VM a {@link VirtualMachineTO} describes: CloudStack's {@code VirtualMachine.Type},
 * written by its Java name. Anything but {@link #USER} is a system VM (hypervisor resources treat
 * system VMs differently: boot arguments, no PXE, control NIC).
 */
public enum VirtualMachineType {
    USER("User"),
    DOMAIN_ROUTER("DomainRouter"),
    CONSOLE_PROXY("ConsoleProxy"),
    SECONDARY_STORAGE_VM("SecondaryStorageVm"),
    INTERNAL_LOAD_BALANCER_VM("InternalLoadBalancerVm");

    private final String wireName;

    VirtualMachineType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isSystemVm() {
        return this != USER;
    }
}
