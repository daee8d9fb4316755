package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.MacAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * One VMXNET3 network adapter with a fixed MAC on a standard port group.
 *
 * @param portGroup the port group (vSphere network) name
 */
public record VmNic(MacAddress macAddress, String portGroup) {
    public VmNic {
        requireNonNull(macAddress, "macAddress is null");
        FieldChecks.requireSafeText("port_group", FieldChecks.requireNonBlank("port_group", portGroup));
    }
}
