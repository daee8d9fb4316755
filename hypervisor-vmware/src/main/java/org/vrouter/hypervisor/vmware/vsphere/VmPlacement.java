package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.validation.FieldChecks;

/**
 * Where a VM is created, by inventory names as an operator configures them.
 *
 * @param datacenter the datacenter ({@code DC0})
 * @param computeResource the cluster, or a standalone host's compute resource (named after the host)
 * @param resourcePool the pool inside the compute resource; vSphere names the root pool {@code Resources}
 * @param host the host to create and power on the VM on; empty lets vSphere (DRS) choose
 * @param datastore where the VM's files go ({@code LocalDS_0})
 * @param vmFolder the datacenter's VM folder the VM goes into; vSphere names the root one {@code vm}
 */
public record VmPlacement(String datacenter, String computeResource, String resourcePool, Optional<String> host, String datastore,
        String vmFolder) {

    public static final String ROOT_RESOURCE_POOL = "Resources";
    public static final String ROOT_VM_FOLDER = "vm";

    public VmPlacement {
        name("datacenter", datacenter);
        name("compute_resource", computeResource);
        name("resource_pool", resourcePool);
        requireNonNull(host, "host is null").ifPresent(value -> name("host", value));
        name("datastore", datastore);
        name("vm_folder", vmFolder);
    }

    /** Root pool and root VM folder of {@code computeResource}, any host in it. */
    public static VmPlacement of(String datacenter, String computeResource, String datastore) {
        return new VmPlacement(datacenter, computeResource, ROOT_RESOURCE_POOL, Optional.empty(), datastore, ROOT_VM_FOLDER);
    }

    public VmPlacement withHost(String host) {
        return new VmPlacement(datacenter, computeResource, resourcePool, Optional.of(host), datastore, vmFolder);
    }

    private static void name(String field, String value) {
        FieldChecks.requireSafeText(field, FieldChecks.requireNonBlank(field, value));
    }
}
