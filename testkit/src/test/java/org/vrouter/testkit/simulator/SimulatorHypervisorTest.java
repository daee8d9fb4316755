package org.vrouter.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestRouter;

class SimulatorHypervisorTest {
    @TempDir
    Path work;

    private SimulatorHypervisor simulator;
    private TestRouter router;

    @BeforeEach
    void setUp() {
        simulator = SimulatorHypervisor.create(work);
        router = TestCloud.advanced().isolatedNetwork().addRouter();
    }

    @Test
    void isTheSimulatorHypervisor() {
        assertThat(simulator.type()).isEqualTo(HypervisorType.SIMULATOR);
    }

    @Test
    void startBootsTheRouterWithItsBootArgumentsMergedAsCmdLine() {
        Answer answer = simulator.execute(router.startCommand());

        assertThat(answer).isInstanceOf(StartAnswer.class);
        assertThat(answer.success()).as(answer.details()).isTrue();
        SimulatedRouter started = simulator.router(router.name());
        assertThat(started.powerState()).isEqualTo(PowerState.ON);
        assertThat(started.root()).isEqualTo(work.resolve(router.name()));
        assertThat(started.nics()).hasSize(3);
        assertThat(started.controlIp()).contains(router.controlIp());
        assertThat(started.databags().cmdLine().config())
                .containsEntry("name", router.name())
                .containsEntry("type", "router")
                .containsEntry("eth0ip", router.guestIp().value())
                .containsEntry("eth1ip", router.controlIp().value());
        assertThat(started.file("/etc/cloudstack/cmdline.json")).contains("\"id\": \"cmdline\"");
        assertThat(started.list("/var/cache/cloud/processed")).anySatisfy(name -> assertThat(name).startsWith("cmd_line."));
        assertThat(started.scriptRuns()).singleElement().satisfies(run -> {
            assertThat(run.commandLine()).isEqualTo("/opt/cloud/bin/update_config.py cmd_line.json");
            assertThat(run.succeeded()).isTrue();
        });
    }

    @Test
    void startingARunningRouterFails() {
        simulator.execute(router.startCommand());

        Answer again = simulator.execute(router.startCommand());

        assertThat(again.success()).isFalse();
        assertThat(again.details()).contains("already running");
    }

    @Test
    void startsOnlyRouters() {
        VirtualMachineTO guest = VirtualMachineTO.builder("i-2-10-VM", VirtualMachine.Type.USER, "guest-uuid").build();

        Answer answer = simulator.execute(StartCommand.of(guest));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("routers only");
        assertThat(simulator.findRouter("i-2-10-VM")).isEmpty();
    }

    @Test
    void checkVirtualMachineReportsOnOffAndMissing() {
        assertThat(check(router.name())).isEqualTo(PowerState.MISSING);
        simulator.execute(router.startCommand());
        assertThat(check(router.name())).isEqualTo(PowerState.ON);

        Answer stop = simulator.execute(StopCommand.forced(router.name()));

        assertThat(stop.success()).isTrue();
        assertThat(check(router.name())).isEqualTo(PowerState.OFF);
    }

    @Test
    void stopKeepsTheRootAndARestartBootsFromIt() {
        simulator.execute(router.startCommand());
        SimulatedRouter started = simulator.router(router.name());
        String bag = started.databag("cmdline").orElseThrow();

        simulator.execute(StopCommand.graceful(router.name()));

        assertThat(started.databag("cmdline")).contains(bag);
        assertThat(simulator.execute(router.startCommand()).success()).isTrue();
        assertThat(started.powerState()).isEqualTo(PowerState.ON);
        assertThat(started.scriptRuns("update_config.py")).hasSize(2);
    }

    @Test
    void stoppingAnUnknownVmCountsAsStopped() {
        Answer answer = simulator.execute(StopCommand.forced("r-99-VM"));

        assertThat(answer.success()).isTrue();
        assertThat(answer.details()).contains("not found");
    }

    @Test
    void checkSshSucceedsForARunningRouterAtItsControlAddress() {
        assertThat(simulator.execute(CheckSshCommand.of(router.name(), router.controlIp())).success()).isFalse();
        simulator.execute(router.startCommand());

        assertThat(simulator.execute(CheckSshCommand.of(router.name(), router.controlIp())))
                .isInstanceOf(CheckSshAnswer.class)
                .extracting(Answer::success).isEqualTo(true);
        assertThat(simulator.execute(CheckSshCommand.of(router.name(), IpAddress.parse("169.254.9.9"))).details())
                .contains("no router answers at 169.254.9.9");
        assertThat(simulator.execute(new CheckSshCommand(router.name(), router.controlIp(), 22)).details())
                .contains("connection refused");
        simulator.execute(StopCommand.forced(router.name()));
        assertThat(simulator.execute(CheckSshCommand.of(router.name(), router.controlIp())).success()).isFalse();
    }

    @Test
    void aKilledRouterIsMissingUnreachableAndKeepsItsRoot() {
        simulator.execute(router.startCommand());

        simulator.kill(router.name());

        assertThat(check(router.name())).isEqualTo(PowerState.MISSING);
        assertThat(simulator.execute(CheckSshCommand.of(router.name(), router.controlIp())).details()).contains("PowerReportMissing");
        assertThat(simulator.router(router.name()).databag("cmdline")).isPresent();
        assertThat(simulator.execute(StopCommand.forced(router.name())).success()).isTrue();
        assertThat(simulator.execute(router.startCommand()).success()).isTrue();
        assertThat(check(router.name())).isEqualTo(PowerState.ON);
    }

    @Test
    void failNextCommandFailsOnceWithTheAnswerTypeTheCallerExpects() {
        simulator.execute(router.startCommand());
        simulator.failNextCommand("host disconnected");

        Answer failed = simulator.execute(new CheckVirtualMachineCommand(router.name()));

        assertThat(failed).isInstanceOf(CheckVirtualMachineAnswer.class);
        assertThat(failed.success()).isFalse();
        assertThat(((CheckVirtualMachineAnswer) failed).state()).isEqualTo(PowerState.UNKNOWN);
        assertThat(failed.details()).isEqualTo("host disconnected");
        assertThat(check(router.name())).isEqualTo(PowerState.ON);
    }

    @Test
    void aFailedBootConfigurationFailsTheStartAndLeavesTheRouterOff() {
        simulator.execute(router.startCommand());
        simulator.execute(StopCommand.forced(router.name()));
        simulator.failNextScript(router.name(), 1, "cmd_line.json: cmd_line.eth0ip: bad");

        Answer answer = simulator.execute(router.startCommand());

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("failed its boot configuration: exit 1: cmd_line.json: cmd_line.eth0ip: bad");
        assertThat(check(router.name())).isEqualTo(PowerState.OFF);
    }

    @Test
    void faultsNeedARouterTheSimulatorKnows() {
        assertThatThrownBy(() -> simulator.kill("r-77-VM"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no router r-77-VM");
    }

    @Test
    void answersFailureForACommandItDoesNotHandle() {
        Command unknown = new Command() {};

        Answer answer = simulator.execute(unknown);

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("does not handle");
    }

    @Test
    void listsTheRoutersItStarted() {
        simulator.execute(router.startCommand());

        assertThat(simulator.routers()).extracting(SimulatedRouter::name).isEqualTo(List.of(router.name()));
        assertThat(Files.isDirectory(work.resolve(router.name()).resolve("etc/cloudstack"))).isTrue();
    }

    private PowerState check(String name) {
        return ((CheckVirtualMachineAnswer) simulator.execute(new CheckVirtualMachineCommand(name))).state();
    }
}
