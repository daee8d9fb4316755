package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachine;

class VirtualMachineTOTest {
    static NicTO nic(int deviceId, TrafficType type) {
        return NicTO.builder(deviceId, MacAddress.ofLong(0x0200_0000_0000L + deviceId), type).build();
    }

    static VirtualMachineTO.Builder router() {
        return VirtualMachineTO.builder("r-12-VM", VirtualMachine.Type.DOMAIN_ROUTER, "7f7c3c1e-0000-4000-8000-000000000012");
    }

    @Test
    void sortsNicsByDeviceId() {
        VirtualMachineTO vm = router().nic(nic(2, TrafficType.PUBLIC)).nic(nic(0, TrafficType.GUEST)).nic(nic(1, TrafficType.CONTROL)).build();

        assertThat(vm.nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2);
        assertThat(vm.nic(1)).map(NicTO::trafficType).contains(TrafficType.CONTROL);
    }

    @Test
    void rejectsDuplicateNicDeviceIds() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().nic(nic(1, TrafficType.GUEST)).nic(nic(1, TrafficType.CONTROL)).build());

        assertThat(error.field()).isEqualTo("nics");
    }

    @Test
    void keepsBootArgumentsInOrderAndReadsTheLastOccurrence() {
        VirtualMachineTO vm = router()
                .bootArg("template", "domP").bootArg("name", "r-12-VM")
                .bootArg("redundant_state", "PRIMARY").bootArg("redundant_state", "BACKUP")
                .build();

        assertThat(vm.bootArgsLine()).isEqualTo(" template=domP name=r-12-VM redundant_state=PRIMARY redundant_state=BACKUP");
        assertThat(vm.bootArg("redundant_state")).contains("BACKUP");
        assertThat(vm.bootArg("missing")).isEmpty();
    }

    @Test
    void acceptsBase64PaddingInBootArgumentValues() {
        VirtualMachineTO vm = router().bootArg("authorized_key", "c3NoLXJzYSBB==").build();

        assertThat(vm.bootArg("authorized_key")).contains("c3NoLXJzYSBB==");
    }

    @Test
    void rejectsBootArgumentValueWithSpace() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().bootArg("domain", "a b").build());

        assertThat(error.field()).isEqualTo("domain");
    }

    @Test
    void rejectsBootArgumentValueWithCommandSubstitution() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().bootArg("template", "domP").bootArg("domain", "$(reboot)").build());

        assertThat(error.field()).isEqualTo("domain");
    }

    @Test
    void rejectsBootArgumentKeyWithEquals() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().bootArg("a=b", "c").build());

        assertThat(error.field()).isEqualTo("boot argument key");
    }

    @Test
    void rejectsMaxRamBelowMinRam() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().ramBytes(512, 256).build());

        assertThat(error.field()).isEqualTo("max_ram");
    }

    @Test
    void toStringHidesSecretBootArgumentsAndTheVncPassword() {
        VirtualMachineTO vm = router()
                .bootArg("vmpassword", "Sup3rS3cret")
                .bootArg("eth0ip", "10.1.1.1")
                .password(Secret.of("vnc-pass"))
                .nic(NicTO.builder(0, MacAddress.parse("02:00:00:00:00:01"), TrafficType.GUEST)
                        .ipv4(IpAddress.parse("10.1.1.1"), Netmask.parse("255.255.255.0")).build())
                .build();

        assertThat(vm.toString()).doesNotContain("Sup3rS3cret").doesNotContain("vnc-pass")
                .contains("vmpassword=****").contains("eth0ip=10.1.1.1");
    }

    @Test
    void secretBootArgumentErrorsDoNotShowTheValue() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router().bootArg("vmpassword", "bad pass").build());

        assertThat(error.getMessage()).doesNotContain("bad pass");
    }

    @Test
    void rejectsTwoRootDisks() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> router()
                .disk(new DiskTO(1, Optional.empty(), Optional.of("/a"), DiskTO.Type.ROOT, 1, 0))
                .disk(new DiskTO(2, Optional.empty(), Optional.of("/b"), DiskTO.Type.ROOT, 1, 1))
                .build());

        assertThat(error.field()).isEqualTo("disks");
    }
}
