package org.vrouter.api.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;

class VirtualMachineProfileTest {
    private static final VirtualMachine VM = VirtualMachine.of(10, "vm-10", "i-2-10-VM", "web-01", VirtualMachine.Type.USER,
            VirtualMachine.State.RUNNING);
    private static final VmTemplate TEMPLATE = new VmTemplate(3, "tpl-3", "Debian 12", HypervisorType.KVM, true);
    private static final ServiceOffering OFFERING = ServiceOffering.of(1, "so-1", "Small", 1, 1000, 512);

    private static Nic nic(long networkId, int deviceId, boolean isDefault) {
        return Nic.builder(networkId, deviceId, TrafficType.GUEST, MacAddress.ofLong(0x020000000000L + deviceId)).defaultNic(isDefault).build();
    }

    @Test
    void findsNicsByNetworkAndTheDefaultNic() {
        VirtualMachineProfile profile = VirtualMachineProfile.of(VM, List.of(nic(5, 0, true), nic(6, 1, false)), TEMPLATE, OFFERING);
        assertThat(profile.nicIn(6).orElseThrow().deviceId()).isEqualTo(1);
        assertThat(profile.defaultNic().orElseThrow().networkId()).isEqualTo(5);
        assertThat(profile.bootArgs().isEmpty()).isTrue();
    }

    @Test
    void rejectsDuplicateDeviceIds() {
        assertInvalid(() -> VirtualMachineProfile.of(VM, List.of(nic(5, 0, true), nic(6, 0, false)), TEMPLATE, OFFERING), "nics[1].device_id");
    }

    @Test
    void rejectsTwoDefaultNics() {
        assertInvalid(() -> VirtualMachineProfile.of(VM, List.of(nic(5, 0, true), nic(6, 1, true)), TEMPLATE, OFFERING), "nics");
    }

    @Test
    void rejectsUnsafePasswordWithoutShowingIt() {
        VirtualMachineProfile profile = VirtualMachineProfile.of(VM, List.of(), TEMPLATE, OFFERING);
        assertInvalid(() -> profile.withSecrets(Optional.of(Secret.of("pa\"ss")), Optional.empty(), Optional.empty()), "password")
                .hasMessageNotContaining("pa\"ss");
    }

    @Test
    void vmHostNameMustBeAHostName() {
        assertInvalid(() -> VirtualMachine.of(10, "vm-10", "i-2-10-VM", "web,01", VirtualMachine.Type.USER, VirtualMachine.State.RUNNING),
                "host_name");
        assertInvalid(() -> VirtualMachine.of(10, "vm-10", "i-2-10-VM", "-web", VirtualMachine.Type.USER, VirtualMachine.State.RUNNING),
                "host_name");
    }
}
