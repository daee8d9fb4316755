package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vrouter.commands.Fixtures.CONTROL_IP;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;

class VmCommandsTest {
    @Test
    void startCarriesTheRouterVm() {
        VirtualMachineTO vm = VirtualMachineTO.builder("r-12-VM", VirtualMachine.Type.DOMAIN_ROUTER, "0b3c5f3e-12")
                .bootArg("template", "domP").bootArg("type", "router")
                .nic(NicTO.builder(1, MacAddress.parse("0e:00:a9:fe:03:2c"), TrafficType.CONTROL)
                        .ipv4(CONTROL_IP, Netmask.parse("255.255.0.0")).build())
                .build();

        StartCommand start = StartCommand.of(vm, IpAddress.parse("192.168.10.5"));

        assertThat(start.vm().bootArg("type")).contains("router");
        assertThat(start.hostIp()).contains(IpAddress.parse("192.168.10.5"));
        assertThat(start.isQuery()).isFalse();
    }

    @Test
    void stopIsForcedOrGraceful() {
        assertThat(StopCommand.forced("r-12-VM").forced()).isTrue();
        assertThat(StopCommand.graceful("r-12-VM", Duration.ofMinutes(2)).gracefulTimeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void stopRejectsAGracefulTimeoutOnAForcedStopAndNonPositiveTimeouts() {
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> new StopCommand("r-12-VM", true, Optional.of(Duration.ofSeconds(5)), Optional.empty())).field())
                .isEqualTo("graceful_timeout");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> StopCommand.graceful("r-12-VM", Duration.ZERO)).field())
                .isEqualTo("graceful_timeout");
    }

    @Test
    void checkSshDefaultsToPort3922() {
        CheckSshCommand check = CheckSshCommand.of("r-12-VM", CONTROL_IP);

        assertThat(check.port()).isEqualTo(3922);
    }

    @Test
    void checkSshRejectsPortZeroAndAbove65535() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new CheckSshCommand("r-12-VM", CONTROL_IP, 0)).field())
                .isEqualTo("port");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new CheckSshCommand("r-12-VM", CONTROL_IP, 65536)).field())
                .isEqualTo("port");
    }

    @Test
    void vmCommandsRejectNamesWithNewlines() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new CheckVirtualMachineCommand("r-12\nVM")).field())
                .isEqualTo("vm_name");
        assertThat(new CheckVirtualMachineCommand("r-12-VM").isQuery()).isTrue();
    }
}
