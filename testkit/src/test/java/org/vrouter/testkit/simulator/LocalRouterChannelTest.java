package org.vrouter.testkit.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.fixture.TestRouter;

/** Router commands through core's routing resource and the local channel, into the real router-side pipeline. */
class LocalRouterChannelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private final List<ConvergeRequest> converges = new ArrayList<>();
    private SimulatorHypervisor simulator;
    private TestCloud cloud;
    private TestNetwork network;
    private TestRouter router;

    @BeforeEach
    void setUp() {
        AtomicLong ids = new AtomicLong();
        simulator = SimulatorHypervisor.builder(work)
                .ids(() -> new UUID(0, ids.incrementAndGet()))
                .convergers(this::recordingConverger)
                .build();
        cloud = TestCloud.advanced();
        network = cloud.isolatedNetwork().withVms(3);
        router = network.addRouter();
        assertThat(simulator.execute(router.startCommand()).success()).isTrue();
        converges.clear();
    }

    /** A stand-in for the real converger: renders the DHCP bag's keys into a file, and remembers each request. */
    private Converger recordingConverger(Host host) {
        return request -> {
            converges.add(request);
            try {
                String hosts = request.databags().dhcpEntry().entries().keySet().stream().map(IpAddress::value).sorted()
                        .collect(Collectors.joining("\n"));
                host.writeText("/etc/rendered-dhcp.txt", hosts, FileMode.PUBLIC);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ConvergeResult.of(List.of());
        };
    }

    @Test
    void aDhcpCommandLandsInTheDhcpEntryDatabag() {
        Answer answer = simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network.vm(0))));

        assertThat(answer.success()).as(answer.details()).isTrue();
        SimulatedRouter simulated = simulator.router(router.name());
        assertThat(simulated.databags().dhcpEntry().get(IpAddress.parse("10.1.1.10"))).hasValueSatisfying(entry -> {
            assertThat(entry.hostName()).isEqualTo("vm-1");
            assertThat(entry.macAddress()).isEqualTo(network.vm(0).nics().get(0).macAddress());
        });
        assertThat(simulated.file("/etc/cloudstack/dhcpentry.json")).contains("\"host_name\": \"vm-1\"");
        assertThat(simulated.scriptRuns()).last().satisfies(run -> {
            assertThat(run.commandLine()).matches("/opt/cloud/bin/update_config\\.py vm_dhcp_entry\\.json\\.[0-9a-f-]+");
            assertThat(run.result().exitStatus()).isZero();
        });
        assertThat(simulated.list("/var/cache/cloud/processed")).anySatisfy(name -> assertThat(name).startsWith("vm_dhcp_entry.json."));
    }

    @Test
    void theConvergerRunsOnTheRoutersHostAndItsFilesCanBeRead() {
        simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network.vm(0))));

        assertThat(converges).singleElement().satisfies(request -> assertThat(request.bags()).contains(BagKey.DHCP_ENTRY));
        assertThat(simulator.router(router.name()).file("/etc/rendered-dhcp.txt")).contains("10.1.1.10");
    }

    @Test
    void anAggregatedBatchBecomesOneVrCfgRunAndOneConverge() {
        SimulatedRouter simulated = simulator.router(router.name());
        int runsBefore = simulated.scriptRuns().size();

        List<Answer> answers = new ArrayList<>();
        answers.add(simulator.execute(aggregation(AggregationControlCommand.Action.START)));
        for (VirtualMachineProfile vm : network.vms()) {
            answers.add(simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(vm))));
        }
        answers.add(simulator.execute(new SetPortForwardingRulesCommand(router.accessDetails(), List.of(PortForwardingRuleTO.of(
                network.sourceNatIp().address(), Protocol.TCP, PortRange.of(2222), network.ipOf(network.vm(0)), PortRange.of(22))), false)));
        answers.add(simulator.execute(aggregation(AggregationControlCommand.Action.FINISH)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.success()).as(answer.details()).isTrue());
        List<ScriptRun> runs = simulated.scriptRuns().subList(runsBefore, simulated.scriptRuns().size());
        assertThat(runs).singleElement().satisfies(run -> assertThat(run.commandLine())
                .matches("/opt/cloud/bin/vr_cfg\\.sh -c /var/cache/cloud/VR-00000000-0000-0000-0000-[0-9a-f]{12}\\.cfg"));
        assertThat(converges).hasSize(1);
        assertThat(simulated.databags().dhcpEntry().entries().keySet()).extracting(IpAddress::value)
                .containsExactlyInAnyOrder("10.1.1.10", "10.1.1.11", "10.1.1.12");
        assertThat(simulated.databags().forwardingRules().portForwards()).singleElement()
                .satisfies(forward -> assertThat(forward.publicIp()).isEqualTo(network.sourceNatIp().address()));
        assertThat(simulated.list("/var/cache/cloud/processed")).anySatisfy(name -> assertThat(name).startsWith("VR-"));
    }

    @Test
    void checkRouterReportsTheRoutersVrrpState() {
        TestNetwork redundant = cloud.redundantNetwork();
        TestRouter primary = redundant.addRouter();
        TestRouter backup = redundant.addRouter();
        simulator.execute(primary.startCommand());
        simulator.execute(backup.startCommand());

        assertThat(checkRouter(primary).state()).isEqualTo(RedundantState.PRIMARY);
        assertThat(checkRouter(backup).state()).isEqualTo(RedundantState.BACKUP);
        simulator.redundantState(primary.name(), RedundantState.FAULT);
        assertThat(checkRouter(primary).state()).isEqualTo(RedundantState.FAULT);
        assertThat(checkRouter(router).state()).isEqualTo(RedundantState.UNKNOWN);
    }

    @Test
    void getDomRVersionReportsTheConfiguredVersions() {
        Answer answer = simulator.execute(new GetDomRVersionCommand(router.accessDetails()));

        assertThat(answer).isInstanceOf(GetDomRVersionAnswer.class);
        assertThat(((GetDomRVersionAnswer) answer).templateVersion()).contains("Cloudstack Release 4.19.0 vrouter-simulator");
        assertThat(((GetDomRVersionAnswer) answer).scriptsVersion()).contains("vrouter-simulator");
    }

    @Test
    void anInjectedScriptFailureFailsTheCommandWithItsStatusAndOutput() {
        simulator.failNextScript(router.name(), 2, "converge failed: dnsmasq: test failed");

        Answer answer = simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network.vm(0))));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("exit 2: converge failed: dnsmasq: test failed");
        assertThat(simulator.router(router.name()).databag("dhcpentry")).isEmpty();
        assertThat(simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network.vm(0)))).success()).isTrue();
    }

    @Test
    void aCommandForAKilledRouterFailsWithoutTouchingIt() {
        simulator.kill(router.name());

        Answer answer = simulator.execute(SetDhcpConfigCommand.of(router.accessDetails(), dhcpEntry(network.vm(0))));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("not reachable").contains("PowerReportMissing");
        assertThat(simulator.router(router.name()).databag("dhcpentry")).isEmpty();
    }

    @Test
    void thePipelinesExitStatusAndMessageComeBackForRejectedInput() throws IOException {
        try (RouterChannel channel = simulator.channels().open(endpoint(router.controlIp()))) {
            channel.upload("/var/cache/cloud/", "vm_dhcp_entry.json.bad", "{\"type\":\"dhcpentry\"}".getBytes(UTF_8), TIMEOUT);

            ExecutionResult result = channel.execute("/opt/cloud/bin/update_config.py vm_dhcp_entry.json.bad", TIMEOUT);

            assertThat(result.exitStatus()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("vm_dhcp_entry.json.bad: ");
        }
    }

    @Test
    void aScriptTheSimulatorLacksExits127() throws IOException {
        try (RouterChannel channel = simulator.channels().open(endpoint(router.controlIp()))) {
            ExecutionResult result = channel.execute("/opt/cloud/bin/getRouterAlerts.sh \"2026-01-01 00:00:00\"", TIMEOUT);

            assertThat(result.exitStatus()).isEqualTo(127);
            assertThat(result.stderr()).contains("/opt/cloud/bin/getRouterAlerts.sh: not simulated");
        }
    }

    @Test
    void uploadRefusesAPathThatIsNotPlain() throws IOException {
        try (RouterChannel channel = simulator.channels().open(endpoint(router.controlIp()))) {
            assertThatThrownBy(() -> channel.upload("/var/cache/../../", "x", new byte[0], TIMEOUT))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void aRouterIsReachableOnlyAtItsControlAddress() {
        try (RouterChannel channel = simulator.channels().open(endpoint(IpAddress.parse("169.254.7.7")))) {
            assertThatThrownBy(() -> channel.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class,
                            e -> assertThat(e.failure()).isEqualTo(RouterChannelException.Failure.CONNECT))
                    .hasMessageContaining("no router answers at 169.254.7.7");
        }
        try (RouterChannel channel = simulator.channels().open(new RouterEndpoint("r-404-VM", router.controlIp()))) {
            assertThatThrownBy(() -> channel.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT))
                    .hasMessageContaining("never started r-404-VM");
        }
    }

    @Test
    void aClosedChannelRefusesCalls() {
        RouterChannel channel = simulator.channels().open(endpoint(router.controlIp()));
        channel.close();

        assertThatThrownBy(() -> channel.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT)).hasMessageContaining("closed");
    }

    private RouterEndpoint endpoint(IpAddress controlIp) {
        return new RouterEndpoint(router.name(), controlIp);
    }

    private CheckRouterAnswer checkRouter(TestRouter target) {
        return (CheckRouterAnswer) simulator.execute(new CheckRouterCommand(target.accessDetails()));
    }

    private AggregationControlCommand aggregation(AggregationControlCommand.Action action) {
        return AggregationControlCommand.of(action, router.name(), router.controlIp(), router.guestIp());
    }

    private DhcpEntryTO dhcpEntry(VirtualMachineProfile vm) {
        Nic nic = vm.nicIn(network.id()).orElseThrow();
        return DhcpEntryTO.builder(nic.macAddress(), vm.vm().hostName())
                .ipv4(nic.ipAddress().orElseThrow())
                .dns(router.guestIp())
                .defaultGateway(network.gateway())
                .defaultEntry(true)
                .build();
    }
}
