package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.hypervisor.vmware.RouterFixtures.mac;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.vmware.vsphere.VmDisk;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;

class RouterVmsTest {
    private static final VmwareSettings SETTINGS = RouterFixtures.settings(URI.create("https://vcenter.example/sdk")).build();

    @Test
    void sizesWiresAndCarriesTheBootArgsInMachineId() {
        VirtualMachineTO vm = RouterFixtures.router(7).cpu(2, 1000).ramBytes(256L * 1024 * 1024, 512L * 1024 * 1024 + 1).build();

        VmSpec spec = RouterVms.spec(vm, SETTINGS);

        assertThat(spec.cpus()).isEqualTo(2);
        assertThat(spec.memoryMb()).as("the maximum, rounded up").isEqualTo(513);
        assertThat(spec.guestId()).isEqualTo(VmwareSettings.DEFAULT_GUEST_ID);
        assertThat(spec.nics()).containsExactly(new VmNic(mac(7, 0), RouterFixtures.GUEST_PORT_GROUP),
                new VmNic(mac(7, 1), RouterFixtures.CONTROL_PORT_GROUP), new VmNic(mac(7, 2), RouterFixtures.PUBLIC_PORT_GROUP));
        assertThat(spec.extraConfig()).containsEntry("machine.id", vm.bootArgsLine().strip()).containsEntry("devices.hotplug", "true");
        assertThat(spec.extraConfig().get("machine.id")).startsWith("template=domP name=r-7-VM ");
    }

    @Test
    void attachesRootAndDataDisksFromTheDatastoreButNoIso() {
        VirtualMachineTO vm = RouterFixtures.router(7)
                .disk(DiskTO.root(1, "volumes/root-1", 1024))
                .disk(new DiskTO(2, Optional.empty(), Optional.of("[other] data-2.vmdk"), DiskTO.Type.DATADISK, 1024, 8))
                .disk(DiskTO.iso(3, Optional.empty(), 3))
                .build();

        assertThat(RouterVms.spec(vm, SETTINGS).disks()).containsExactly(new VmDisk("[LocalDS_0] volumes/root-1.vmdk", 0),
                new VmDisk("[other] data-2.vmdk", 9));
    }

    @Test
    void rejectsADiskBeyondOneScsiController() {
        VirtualMachineTO vm = RouterFixtures.router(7).disk(new DiskTO(2, Optional.empty(), Optional.of("d"), DiskTO.Type.DATADISK, 1, 15)).build();

        assertThatThrownBy(() -> RouterVms.spec(vm, SETTINGS)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("disks.device_id");
    }

    @Test
    void reusesOnlyAVmWithTheSameSizeAdaptersAndBootArgs() {
        VmSpec spec = RouterVms.spec(RouterFixtures.router(7).build(), SETTINGS);
        VmInfo same = new VmInfo("r-7-VM", PowerState.OFF, spec.cpus(), spec.memoryMb(), spec.nics(),
                Map.of("machine.id", spec.extraConfig().get("machine.id"), "govcsim", "TRUE"));

        assertThat(RouterVms.matches(same, spec)).isTrue();
        assertThat(RouterVms.matches(new VmInfo("r-7-VM", PowerState.OFF, 2, spec.memoryMb(), spec.nics(), same.extraConfig()), spec)).isFalse();
        assertThat(RouterVms.matches(new VmInfo("r-7-VM", PowerState.OFF, 1, spec.memoryMb(), List.of(spec.nics().get(0)), same.extraConfig()),
                spec)).isFalse();
        assertThat(RouterVms.matches(new VmInfo("r-7-VM", PowerState.OFF, 1, spec.memoryMb(), spec.nics(), Map.of("machine.id", "template=domP")),
                spec)).isFalse();
    }
}
