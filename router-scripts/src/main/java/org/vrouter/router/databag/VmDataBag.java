package org.vrouter.router.databag;

import java.util.List;
import java.util.Map;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.VmMetadataEntry;

/**
 * The {@code vmdata} bag: the user data and metadata files of each VM NIC, by VM address, in address
 * order; each list is the last {@code vm_metadata.json} received for that VM, in the order sent.
 */
public record VmDataBag(Map<IpAddress, List<VmMetadataEntry>> vms) implements Databag {
    public VmDataBag {
        vms = BagMaps.sorted(vms, List::copyOf, "vms");
    }

    public static VmDataBag empty() {
        return new VmDataBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.VM_DATA;
    }

    @Override
    public boolean isEmpty() {
        return vms.isEmpty();
    }

    public List<VmMetadataEntry> get(IpAddress vm) {
        return vms.getOrDefault(vm, List.of());
    }
}
