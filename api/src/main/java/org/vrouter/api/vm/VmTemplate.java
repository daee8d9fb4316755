package org.vrouter.api.vm;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.validation.FieldChecks;

/**
 * The disk image a VM boots from. For routers it is the system VM template of the zone
 * ({@code router.template.kvm} and friends); for guests it decides whether a password is pushed.
 *
 * @param passwordEnabled whether the guest image runs CloudStack's password agent, so a reset
 *     password is sent to the router
 */
public record VmTemplate(long id, String uuid, String name, HypervisorType hypervisorType, boolean passwordEnabled) {
    public VmTemplate {
        FieldChecks.requirePositive("template_id", id);
        FieldChecks.requireIdentifier("template_uuid", uuid);
        FieldChecks.requireSafeText("template_name", FieldChecks.requireNonBlank("template_name", name));
        requireNonNull(hypervisorType, "hypervisorType is null");
    }
}
