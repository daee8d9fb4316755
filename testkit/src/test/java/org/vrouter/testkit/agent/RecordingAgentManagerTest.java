package org.vrouter.testkit.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.AgentUnavailableException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.fixture.TestRouter;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

class RecordingAgentManagerTest {
    private static final long HOST = 1;

    @TempDir
    Path work;

    @Test
    void recordsEachCommandWithItsHostBatchIdAnswerAndOrder() {
        RecordingAgentManager agent = agentWith(new ScriptedResource());

        agent.send(HOST, StopCommand.forced("r-5-VM"));
        agent.send(HOST, Commands.builder(Commands.OnError.CONTINUE)
                .add("checkSsh", CheckSshCommand.of("r-5-VM", IpAddress.parse("169.254.1.5")))
                .add("stop", StopCommand.forced("r-6-VM"))
                .build());

        assertThat(agent.recorded()).extracting(RecordedCommand::sequence).containsExactly(1L, 2L, 3L);
        assertThat(agent.recorded()).extracting(RecordedCommand::hostId).containsOnly(HOST);
        assertThat(agent.recorded()).extracting(command -> command.batchId().orElse("-")).containsExactly("-", "checkSsh", "stop");
        assertThat(agent.recorded().get(1).answer()).hasValueSatisfying(answer -> assertThat(answer.details()).isEqualTo("CheckSshCommand done"));
        assertThat(agent.commandsOfType(StopCommand.class)).extracting(StopCommand::vmName).containsExactly("r-5-VM", "r-6-VM");
        assertThat(agent.forRouter("r-6-VM")).singleElement().satisfies(command -> assertThat(command.sequence()).isEqualTo(3));
        assertThat(agent.sentTo(2)).isEmpty();
        assertThat(agent.last()).hasValueSatisfying(command -> assertThat(command.command()).isEqualTo(StopCommand.forced("r-6-VM")));
    }

    @Test
    void dumpsOneReadableLinePerCommand() {
        ScriptedResource resource = new ScriptedResource();
        resource.failing = "r-6-VM";
        RecordingAgentManager agent = agentWith(resource);

        agent.send(HOST, Commands.builder(Commands.OnError.STOP)
                .add("start", StopCommand.forced("r-5-VM"))
                .add("stop", StopCommand.forced("r-6-VM"))
                .add("never", StopCommand.forced("r-7-VM"))
                .build());
        agent.send(HOST, AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-5-VM", IpAddress.parse("169.254.1.5")));
        assertThatThrownBy(() -> agent.send(9, StopCommand.forced("r-5-VM"))).isInstanceOf(AgentUnavailableException.class);

        assertThat(agent.dump()).isEqualTo("""
                #1 host 1 [start] StopCommand r-5-VM -> ok: StopCommand done
                #2 host 1 [stop] StopCommand r-6-VM -> FAILED: r-6-VM refused
                #3 host 1 [never] StopCommand r-7-VM -> not answered
                #4 host 1 AggregationControlCommand(Start) r-5-VM -> ok: AggregationControlCommand done
                #5 host 9 StopCommand r-5-VM -> THREW: AgentUnavailableException: host 9: no resource registered for host 9""");
        assertThat(agent.failures()).extracting(RecordedCommand::sequence).containsExactly(2L, 3L, 5L);
    }

    @Test
    void dumpSaysWhenNothingWasRecorded() {
        assertThat(agentWith(new ScriptedResource()).dump()).isEqualTo("(no commands recorded)");
    }

    @Test
    void recordsAsynchronousBatchesWhenTheyComplete() {
        RecordingAgentManager agent = agentWith(new ScriptedResource());

        List<Answer> answers = agent.sendAsync(HOST, Commands.of("stop", StopCommand.forced("r-5-VM"))).join();

        assertThat(answers).hasSize(1);
        assertThat(agent.recorded()).singleElement().satisfies(command -> assertThat(command.succeeded()).isTrue());
    }

    @Test
    void clearForgetsWhatWasRecorded() {
        RecordingAgentManager agent = agentWith(new ScriptedResource());
        agent.send(HOST, StopCommand.forced("r-5-VM"));

        agent.clear();

        assertThat(agent.recorded()).isEmpty();
        assertThat(agent.last()).isEmpty();
    }

    @Test
    void passesRegistrationThrough() {
        InlineAgentManager inner = new InlineAgentManager();
        RecordingAgentManager agent = new RecordingAgentManager(inner);

        agent.register(HOST, new ScriptedResource());

        assertThat(inner.isRegistered(HOST)).isTrue();
        assertThat(agent.isRegistered(HOST)).isTrue();
        agent.unregister(HOST);
        assertThat(inner.isRegistered(HOST)).isFalse();
    }

    @Test
    void lastBatchIsWhatTheRouterGotBetweenStartAndFinishOfItsLastAggregation() {
        TestCloud cloud = TestCloud.advanced();
        TestNetwork network = cloud.isolatedNetwork().withVms(3);
        TestRouter router = network.addRouter();
        SimulatorHypervisor simulator = SimulatorHypervisor.create(work);
        RecordingAgentManager agent = new RecordingAgentManager(new InlineAgentManager());
        agent.register(cloud.host().id(), simulator);

        agent.send(cloud.host().id(), router.startCommand());
        Commands.Builder batch = Commands.builder(Commands.OnError.STOP)
                .add("checkSsh", CheckSshCommand.of(router.name(), router.controlIp()))
                .add("start", AggregationControlCommand.of(AggregationControlCommand.Action.START, router.name(), router.controlIp()));
        for (VirtualMachineProfile vm : network.vms()) {
            batch.add("dhcp:" + vm.vm().id(), SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network, vm)));
        }
        List<Answer> answers = agent.send(cloud.host().id(), batch
                .add("finish", AggregationControlCommand.of(AggregationControlCommand.Action.FINISH, router.name(), router.controlIp()))
                .build());

        assertThat(answers).as(agent.dump()).allSatisfy(answer -> assertThat(answer.success()).isTrue());
        assertThat(agent.lastBatch(router.name())).hasSize(3).allSatisfy(command -> assertThat(command).isInstanceOf(SetDhcpConfigCommand.class));
        assertThat(agent.commandsOfType(StartCommand.class)).hasSize(1);
        assertThat(simulator.router(router.name()).databags().dhcpEntry().entries()).hasSize(3);
        assertThat(simulator.router(router.name()).scriptRuns("vr_cfg.sh")).hasSize(1);
    }

    @Test
    void lastBatchFailsNamingWhatTheRouterGotWhenNoBatchWasFinished() {
        RecordingAgentManager agent = agentWith(new ScriptedResource());
        agent.send(HOST, AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-5-VM", IpAddress.parse("169.254.1.5")));

        assertThatThrownBy(() -> agent.lastBatch("r-5-VM"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no aggregated batch was finished for router r-5-VM")
                .hasMessageContaining("#1 host 1 AggregationControlCommand(Start) r-5-VM");
    }

    private static RecordingAgentManager agentWith(HypervisorResource resource) {
        RecordingAgentManager agent = new RecordingAgentManager(new InlineAgentManager());
        agent.register(HOST, resource);
        return agent;
    }

    private static DhcpEntryTO dhcpEntry(TestNetwork network, VirtualMachineProfile vm) {
        Nic nic = vm.nicIn(network.id()).orElseThrow();
        return DhcpEntryTO.builder(nic.macAddress(), vm.vm().hostName()).ipv4(nic.ipAddress().orElseThrow()).build();
    }

    /** Answers every command with success, except those naming the {@code failing} router. */
    private static final class ScriptedResource implements HypervisorResource {
        private String failing = "";

        @Override
        public HypervisorType type() {
            return HypervisorType.SIMULATOR;
        }

        @Override
        public Answer execute(Command command) {
            String router = RecordedCommand.routerNameOf(command).orElse("");
            if (router.equals(failing)) {
                return Answer.failure(router + " refused");
            }
            return Answer.success(command.getClass().getSimpleName() + " done");
        }
    }
}
