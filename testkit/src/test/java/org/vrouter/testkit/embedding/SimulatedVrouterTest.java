package org.vrouter.testkit.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.command.Command;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.core.manager.RouterFailure;
import org.vrouter.testkit.agent.RecordedCommand;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.simulator.ScriptRun;
import org.vrouter.testkit.simulator.SimulatedRouter;

/**
 * vrouter end to end in one JVM: the element, the router manager, the guru, the agent manager and
 * the simulator running the real router side, driven through {@link IsolatedNetworkScenario}
 * (implement, three VMs, firewall, port forward, static NAT, load balancer). Checks what was sent
 * and what the router rendered from it.
 */
class SimulatedVrouterTest {
    private static final String DHCP_HOSTS = "/etc/dhcphosts.txt";
    private static final String HAPROXY = "/etc/haproxy/haproxy.cfg";
    private static final String RULES = "/etc/iptables/rules.v4";

    @TempDir
    Path work;

    private final TestCloud cloud = TestCloud.advanced();
    private SimulatedVrouter vrouter;
    private IsolatedNetworkScenario scenario;
    private TestNetwork net;

    @BeforeEach
    void start() {
        vrouter = SimulatedVrouter.start(cloud, work);
        scenario = new IsolatedNetworkScenario(vrouter);
        net = scenario.network();
    }

    @AfterEach
    void close() {
        vrouter.close();
    }

    private SimulatedRouter router() {
        return vrouter.simulated(vrouter.router(net));
    }

    private static List<Class<?>> classes(List<RecordedCommand> recorded) {
        return commandClasses(recorded.stream().map(RecordedCommand::command).toList());
    }

    private static List<Class<?>> commandClasses(List<? extends Command> commands) {
        return commands.stream().<Class<?>>map(Object::getClass).toList();
    }

    private Map<String, String> renderedFiles() {
        return List.of(DHCP_HOSTS, HAPROXY, RULES).stream().collect(Collectors.toMap(Function.identity(), router()::file));
    }

    @Test
    void implementStartsTheRouterThenConfiguresItInOneAggregatedBatch() {
        scenario.steps().get(0).run();

        DomainRouter router = vrouter.router(net);
        assertThat(router.state()).isEqualTo(RouterState.RUNNING);
        assertThat(classes(vrouter.agents().recorded())).as(vrouter.agents().dump()).containsExactly(
                StartCommand.class, CheckSshCommand.class,
                CheckSshCommand.class, GetDomRVersionCommand.class,
                AggregationControlCommand.class, IpAssocCommand.class, SetMonitorServiceCommand.class, AggregationControlCommand.class);
        assertThat(commandClasses(vrouter.agents().lastBatch(router.instanceName()))).containsExactly(IpAssocCommand.class, SetMonitorServiceCommand.class);
        assertThat(vrouter.agents().failures()).isEmpty();
        // the batch reached the router as one vr_cfg.sh file: each command's file, then its update_config.py call
        ScriptRun batch = router().scriptRuns("vr_cfg.sh").get(0);
        assertThat(router().scriptRuns("vr_cfg.sh")).hasSize(1);
        String batchFile = batch.commandLine().substring(batch.commandLine().lastIndexOf('/') + 1);
        assertThat(batchFile).matches("VR-[0-9a-f-]{36}\\.cfg");
        List<String> items = ConfigBatch.parse(router().file("/var/cache/cloud/processed/" + batchFile)).items().stream()
                .map(item -> item instanceof FileConfigItem file ? "file " + file.name() : ((ScriptConfigItem) item).commandLine())
                .map(item -> item.replaceAll("\\.json\\.[0-9a-f-]{36}", ".json.<id>"))
                .toList();
        assertThat(items).containsExactly(
                "file ip_associations.json.<id>", "/opt/cloud/bin/update_config.py ip_associations.json.<id>",
                "file monitor_service.json.<id>", "/opt/cloud/bin/update_config.py monitor_service.json.<id>");
    }

    @Test
    void everyElementCallSendsItsCommandsInOrderAndEachSucceeds() {
        scenario.run();

        List<RecordedCommand> recorded = vrouter.agents().recorded();
        assertThat(classes(recorded.subList(8, recorded.size()))).as(vrouter.agents().dump()).containsExactly(
                SetDhcpConfigCommand.class, VmDataCommand.class, // vm-1
                SetDhcpConfigCommand.class, VmDataCommand.class, // vm-2
                SetDhcpConfigCommand.class, VmDataCommand.class, // vm-3
                SetFirewallRulesCommand.class,
                SetFirewallRulesCommand.class, SetPortForwardingRulesCommand.class, // the forward opens its port first
                IpAssocCommand.class, SetStaticNatRulesCommand.class, SetFirewallRulesCommand.class,
                IpAssocCommand.class, SetFirewallRulesCommand.class, LoadBalancerConfigCommand.class);
        assertThat(vrouter.agents().failures()).as(vrouter.agents().dump()).isEmpty();
    }

    @Test
    void theRouterServesDhcpToTheThreeVms() {
        scenario.run();

        assertThat(router().file(DHCP_HOSTS).lines()).containsExactly(
                "02:00:0a:00:00:01,set:10_1_1_10,10.1.1.10,vm-1,infinite",
                "02:00:0a:00:00:02,set:10_1_1_11,10.1.1.11,vm-2,infinite",
                "02:00:0a:00:00:03,set:10_1_1_12,10.1.1.12,vm-3,infinite");
    }

    @Test
    void theRouterBalancesThePublicPortOverTwoServers() {
        scenario.run();

        String haproxy = router().file(HAPROXY);
        assertThat(haproxy).contains("""
                listen 203_0_113_12-80
                \tbind 203.0.113.12:80
                """);
        assertThat(haproxy.lines().filter(line -> line.strip().startsWith("server "))).containsExactly(
                "\tserver 203_0_113_12-80_0 10.1.1.10:8080 check",
                "\tserver 203_0_113_12-80_1 10.1.1.11:8080 check");
    }

    @Test
    void theRouterTranslatesThePortForwardAndTheStaticNatAndFiltersByTheFirewallRule() {
        scenario.run();

        assertThat(router().file(RULES).lines()).contains(
                "-A PREROUTING -d 203.0.113.10/32 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 10.1.1.12:22",
                "-A PREROUTING -d 203.0.113.11/32 -j DNAT --to-destination 10.1.1.10",
                "-A POSTROUTING -s 10.1.1.10/32 -o eth2 -j SNAT --to-source 203.0.113.11",
                "-A POSTROUTING -o eth2 -j SNAT --to-source 203.0.113.10",
                "-A FIREWALL_203.0.113.10 -p tcp -m tcp --dport 22 -j RETURN",
                "-A FIREWALL_203.0.113.10 -j DROP");
    }

    @Test
    void revokingThePortForwardRemovesItsDnatAndChangesNothingElse() {
        scenario.run();
        Map<String, String> before = renderedFiles();
        PortForwardingRule rule = net.portForwardingRules().get(0);
        Network network = net.network();

        vrouter.element().applyPortForwardingRules(network, List.of(net.revokePortForward(rule)));

        assertThat(vrouter.agents().last().orElseThrow().command()).isInstanceOfSatisfying(SetPortForwardingRulesCommand.class,
                sent -> assertThat(sent.rules()).extracting(PortForwardingRuleTO::revoked).containsExactly(true));
        List<String> forward = List.of(
                "-A PREROUTING -d 203.0.113.10/32 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 10.1.1.12:22",
                "-A OUTPUT -d 203.0.113.10/32 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 10.1.1.12:22",
                "-A FORWARD -d 10.1.1.12/32 -i eth2 -o eth0 -p tcp -m tcp --dport 22 -m conntrack --ctstate DNAT -j ACCEPT");
        assertThat(before.get(RULES).lines()).containsAll(forward);
        Map<String, String> after = renderedFiles();
        assertThat(after.get(RULES).lines()).containsExactlyElementsOf(before.get(RULES).lines().filter(line -> !forward.contains(line)).toList());
        assertThat(after.get(DHCP_HOSTS)).isEqualTo(before.get(DHCP_HOSTS));
        assertThat(after.get(HAPROXY)).isEqualTo(before.get(HAPROXY));
    }

    @Test
    void theHealthCheckerRestartsARouterKilledBehindTheManagersBackWithItsWholeConfiguration() {
        scenario.run();
        Map<String, String> before = renderedFiles();
        DomainRouter router = vrouter.router(net);
        vrouter.simulator().kill(router.instanceName());
        vrouter.agents().clear();

        vrouter.healthChecker().checkNow();

        assertThat(vrouter.router(net).state()).isEqualTo(RouterState.RUNNING);
        assertThat(router().powerState()).isEqualTo(PowerState.ON);
        assertThat(classes(vrouter.agents().recorded().subList(0, 3))).as(vrouter.agents().dump())
                .containsExactly(CheckVirtualMachineCommand.class, StopCommand.class, StartCommand.class);
        assertThat(commandClasses(vrouter.agents().lastBatch(router.instanceName()))).as(vrouter.agents().dump()).containsExactly(
                IpAssocCommand.class, SetStaticNatRulesCommand.class, SetFirewallRulesCommand.class, SetPortForwardingRulesCommand.class,
                LoadBalancerConfigCommand.class, SetMonitorServiceCommand.class,
                SetDhcpConfigCommand.class, // every VM's entry in one command
                VmDataCommand.class, VmDataCommand.class, VmDataCommand.class);
        assertThat(renderedFiles()).isEqualTo(before);
    }

    @Test
    void aFailedStartLeavesTheRouterStoppedWithTheFailureRecorded() {
        vrouter.simulator().failNextCommand("host out of memory");
        Network network = net.network();

        assertThatThrownBy(() -> vrouter.element().implement(network, network.offering(), cloud.destination()))
                .isInstanceOf(VrouterException.class)
                .hasMessageContaining("host out of memory");

        DomainRouter router = vrouter.router(net);
        assertThat(router.state()).isEqualTo(RouterState.STOPPED);
        RouterFailure failure = vrouter.manager().lastFailure(router.id()).orElseThrow();
        assertThat(failure.operation()).isEqualTo("start");
        assertThat(failure.details()).contains("host out of memory");
        assertThat(vrouter.agents().commandsOfType(Command.class)).first().isInstanceOf(StartCommand.class);
    }
}
