package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.databag.Databags;

/**
 * Maps the {@code vmdata} bag into the {@link VmDataTree}: each VM's entry rendered by
 * {@link VmDataRenderer}. Pure; O(total size of the data).
 */
public final class VmDataInputs {
    private VmDataInputs() {}

    public static VmDataTree from(Databags bags) {
        Map<IpAddress, VmFiles> vms = new LinkedHashMap<>();
        requireNonNull(bags, "bags is null").vmData().vms().forEach((vm, entries) -> vms.put(vm, VmDataRenderer.render(vm, entries)));
        return new VmDataTree(vms);
    }
}
