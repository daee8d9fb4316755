package org.vrouter.hypervisor.kvm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.RouterVms;

class RouterDomainPlannerTest {
    private final RouterDomainPlanner planner = new RouterDomainPlanner(DomainSettings.defaults());

    @Test
    void sizesTheDomainFromTheVm() {
        VirtualMachineTO vm = RouterVms.builder("r-1-VM", "r-1-uuid").cpu(2, 1000).ramBytes(128L << 20, 512L << 20).build();
        DomainDefinition domain = planner.plan(vm, Optional.empty(), List.of());

        assertThat(domain.currentMemoryKib()).isEqualTo(128 * 1024);
        assertThat(domain.memoryKib()).isEqualTo(512 * 1024);
        assertThat(domain.vcpus()).isEqualTo(2);
        assertThat(domain.cpuShares()).isEqualTo(2000);
    }

    @Test
    void keepsTheVmsUuidOrDerivesAStableOne() {
        assertThat(planner.plan(RouterVms.router("r-1-VM"), Optional.empty(), List.of()).uuid())
                .isEqualTo(UUID.fromString("5b7e3c2a-1f0d-4c8e-9a61-0d2f4e6a8b10"));
        VirtualMachineTO named = RouterVms.builder("r-1-VM", "not-a-uuid").build();
        assertThat(planner.plan(named, Optional.empty(), List.of()).uuid()).isEqualTo(planner.plan(named, Optional.empty(), List.of()).uuid());
    }

    @Test
    void plugsNicsInDeviceOrderOnTheirBridges() {
        DomainDefinition domain = planner.plan(RouterVms.router("r-1-VM"), Optional.empty(), List.of());

        assertThat(domain.interfaces()).extracting(nic -> nic.mac().toString())
                .containsExactly(RouterVms.GUEST_MAC, RouterVms.CONTROL_MAC, RouterVms.PUBLIC_MAC);
        assertThat(domain.interfaces()).extracting(DomainInterface::bridge).containsExactly("brcloudbr0-100", "cloud0", "cloudbr0");
        assertThat(domain.interfaces().get(2).rateMbps()).hasValue(200);
    }

    @Test
    void putsVolumesInTheStorageDirectoryAndIsosOnIde() {
        VirtualMachineTO vm = RouterVms.builder("r-1-VM", "r-1-uuid").disk(DiskTO.iso(9, Optional.of("/isos/systemvm.iso"), 3)).build();
        DomainDefinition domain = planner.plan(vm, Optional.empty(), List.of("/tmp/r-1-VM-cmdline.iso"));

        assertThat(domain.disks()).extracting(DomainDisk::targetDevice).containsExactly("vda", "hdc", "hdd");
        assertThat(domain.disks().get(0).sourceFile()).hasValue("/var/lib/libvirt/images/0c6d1f0e-7a53-4b0f-a5d4-2f9a0e4c1b77");
        assertThat(domain.disks().get(0).serial()).hasValue("0c6d1f0e7a534b0fa5d4");
        assertThat(domain.disks().get(2).sourceFile()).hasValue("/tmp/r-1-VM-cmdline.iso");
        assertThat(domain.guestAgentSocket()).isEqualTo("/var/lib/libvirt/qemu/r-1-VM.org.qemu.guest_agent.0");
    }

    @Test
    void refusesANicWithoutABridge() {
        DomainSettings noPublicBridge = DomainSettings.defaults().withBridges(new BridgeNaming("cloud0",
                java.util.Map.of(TrafficType.GUEST, "cloudbr0"), "br{label}-{vlan}", "brvx-{vni}"));
        assertThatThrownBy(() -> new RouterDomainPlanner(noPublicBridge).plan(RouterVms.router("r-1-VM"), Optional.empty(), List.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("nics[2].bridge");
    }
}
