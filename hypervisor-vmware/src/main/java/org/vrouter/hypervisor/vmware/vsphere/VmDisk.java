package org.vrouter.hypervisor.vmware.vsphere;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * An existing virtual disk attached to the VM's SCSI controller.
 *
 * @param datastorePath the disk file, {@code [datastore] dir/name.vmdk}
 * @param unitNumber the unit on the controller, 0 to 15 but not 7 (the controller's own)
 */
public record VmDisk(String datastorePath, int unitNumber) {
    public VmDisk {
        FieldChecks.requireSafeText("disk_path", FieldChecks.requireNonBlank("disk_path", datastorePath));
        if (!datastorePath.startsWith("[") || !datastorePath.contains("] ")) {
            throw new InvalidParameterException("disk_path", "must be [datastore] path", datastorePath);
        }
        FieldChecks.requireRange("disk_unit", unitNumber, 0, 15);
        if (unitNumber == 7) {
            throw new InvalidParameterException("disk_unit", "7 is the SCSI controller's own unit", unitNumber);
        }
    }
}
