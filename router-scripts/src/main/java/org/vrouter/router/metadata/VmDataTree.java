package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.net.IpAddress;

/**
 * Every VM's rendered data files, by VM address (in address order): the input of the
 * {@link VmDataApplier}. Built by {@link VmDataInputs}.
 */
public record VmDataTree(Map<IpAddress, VmFiles> vms) {
    public VmDataTree {
        requireNonNull(vms, "vms is null");
        vms.forEach((vm, files) -> {
            if (!files.vm().equals(vm)) {
                throw new IllegalArgumentException("files of " + files.vm() + " listed under " + vm);
            }
        });
        vms = Collections.unmodifiableMap(new TreeMap<>(vms));
    }

    public static VmDataTree empty() {
        return new VmDataTree(Map.of());
    }

    /** The items left out, VM by VM. */
    public List<String> warnings() {
        return vms.values().stream().flatMap(files -> files.warnings().stream()).toList();
    }
}
