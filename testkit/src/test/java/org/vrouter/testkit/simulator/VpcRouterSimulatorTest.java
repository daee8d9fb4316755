package org.vrouter.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.command.Command;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkUsage;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VpcVirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.testkit.agent.RecordedCommand;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestVpc;

/**
 * A VPC router through the VPC element, the real manager and guru, and the simulator: boots with its
 * control NIC, gets its public and tier NICs plugged, then each tier's guest network and ACL; a
 * second tier joins the running router; a tier leaves it.
 */
class VpcRouterSimulatorTest {
    @TempDir
    Path work;

    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private final TestCloud cloud = TestCloud.advanced();
    private final TestVpc vpc = new TestVpc(cloud, 7, 20);
    private SimulatorHypervisor simulator;
    private RecordingAgentManager agents;
    private RouterManagerImpl manager;
    private VpcVirtualRouterElement element;

    @BeforeEach
    void wire() {
        simulator = SimulatorHypervisor.create(work);
        agents = new RecordingAgentManager(new AgentManagerImpl(agentThreads, Metrics.NOOP));
        agents.register(cloud.host().id(), simulator);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory());
        manager = new RouterManagerImpl(new InMemoryRouterDao(), agents, guru, helper, vpc, new HostCandidates(List.of(cloud.destination())),
                Clock.systemUTC(), RouterManagerSettings.of(Map.of(cloud.host().hypervisorType(), cloud.routerTemplate())));
        element = new VpcVirtualRouterElement(manager, vpc);
    }

    @AfterEach
    void stopThreads() {
        agentThreads.shutdownNow();
    }

    @Test
    void bootsWithTheControlNicThenPlugsThePublicAndTierNicsBeforeConfiguringTheTier() {
        Network tier1 = vpc.addTier();
        vpc.acl(tier1, List.of(allow(10, 80), deny(20, 22)));

        element.implement(tier1, tier1.offering(), cloud.destination());

        DomainRouter router = onlyRouter();
        assertThat(commandClasses(router)).containsExactly(StartCommand.class, CheckSshCommand.class, PlugNicCommand.class, PlugNicCommand.class,
                CheckSshCommand.class, GetDomRVersionCommand.class, SetupGuestNetworkCommand.class, AggregationControlCommand.class,
                IpAssocVpcCommand.class, SetSourceNatCommand.class, SetNetworkACLCommand.class, SetMonitorServiceCommand.class,
                AggregationControlCommand.class);
        StartCommand start = agents.commandsOfType(StartCommand.class).get(0);
        assertThat(start.vm().nics()).extracting(NicTO::trafficType).containsExactly(TrafficType.CONTROL);
        assertThat(agents.commandsOfType(PlugNicCommand.class)).extracting(plug -> plug.nic().deviceId(), plug -> plug.nic().trafficType())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, TrafficType.PUBLIC), org.assertj.core.groups.Tuple.tuple(2, TrafficType.GUEST));
        SetNetworkACLCommand acl = agents.commandsOfType(SetNetworkACLCommand.class).get(0);
        assertThat(acl.nic().deviceId()).isEqualTo(2);
        assertThat(router.guestIp(tier1.id())).contains(tier1.gateway().orElseThrow());
        SimulatedRouter simulated = simulator.router(router.instanceName());
        assertThat(simulated.nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2);
        assertThat(simulated.databag("networkacl")).hasValueSatisfying(bag -> assertThat(bag).contains("eth2").contains("\"first_port\": 22"));
    }

    @Test
    void aSecondTierIsPluggedIntoTheRunningRouterAndConfiguredAtOnce() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        Network tier2 = vpc.addTier();
        vpc.acl(tier2, List.of(deny(10, 3306)));
        agents.clear();

        element.implement(tier2, tier2.offering(), cloud.destination());

        DomainRouter router = onlyRouter();
        assertThat(router.networkIds()).containsExactly(tier1.id(), tier2.id());
        assertThat(commandClasses(router)).containsExactly(PlugNicCommand.class, CheckSshCommand.class, GetDomRVersionCommand.class,
                SetupGuestNetworkCommand.class, AggregationControlCommand.class, SetNetworkACLCommand.class, SetMonitorServiceCommand.class,
                AggregationControlCommand.class);
        assertThat(agents.commandsOfType(PlugNicCommand.class).get(0).nic().deviceId()).isEqualTo(3);
        assertThat(agents.commandsOfType(SetNetworkACLCommand.class).get(0).nic().deviceId()).isEqualTo(3);
        assertThat(simulator.router(router.instanceName()).nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aRefusedPlugLeavesTheRouterWithoutTheTier() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        Network tier2 = vpc.addTier();
        simulator.failNextCommand("no free PCI slot");

        assertThatThrownBy(() -> element.implement(tier2, tier2.offering(), cloud.destination()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("no free PCI slot");
        DomainRouter router = onlyRouter();
        assertThat(router.networkIds()).containsExactly(tier1.id());
        assertThat(simulator.router(router.instanceName()).nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2);

        element.implement(tier2, tier2.offering(), cloud.destination());
        assertThat(onlyRouter().networkIds()).containsExactly(tier1.id(), tier2.id());
    }

    @Test
    void aTierLeavingTheRouterLosesItsGuestNetworkThenItsNic() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        Network tier2 = vpc.addTier();
        element.implement(tier2, tier2.offering(), cloud.destination());
        agents.clear();

        element.shutdown(tier2, true);

        DomainRouter router = onlyRouter();
        assertThat(router.networkIds()).containsExactly(tier1.id());
        assertThat(commandClasses(router)).containsExactly(SetupGuestNetworkCommand.class, UnPlugNicCommand.class);
        assertThat(agents.commandsOfType(SetupGuestNetworkCommand.class).get(0).add()).isFalse();
        assertThat(simulator.router(router.instanceName()).nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2);
    }

    @Test
    void aRestartReplugsEveryTier() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        Network tier2 = vpc.addTier();
        element.implement(tier2, tier2.offering(), cloud.destination());
        agents.clear();

        manager.reboot(onlyRouter().id());

        assertThat(agents.commandsOfType(PlugNicCommand.class)).extracting(plug -> plug.nic().deviceId()).containsExactly(1, 2, 3);
        assertThat(agents.commandsOfType(SetupGuestNetworkCommand.class)).hasSize(2);
    }

    @Test
    void aPrivateGatewayGetsItsNicItsAddressAndItsAclAndComesBackAfterARestart() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        PrivateGateway gateway = vpc.addPrivateGateway(List.of(deny(10, 25)));
        DomainRouter router = onlyRouter();
        agents.clear();

        element.createPrivateGateway(gateway);

        assertThat(commandClasses(router)).containsExactly(PlugNicCommand.class, IpAssocVpcCommand.class, SetNetworkACLCommand.class);
        assertThat(agents.commandsOfType(IpAssocVpcCommand.class).get(0).ipAddresses()).singleElement()
                .satisfies(address -> assertThat(address.privateGateway()).isTrue());
        assertThat(agents.commandsOfType(SetNetworkACLCommand.class).get(0).privateGateway()).isTrue();
        assertThat(simulator.router(router.instanceName()).nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2, 3);

        agents.clear();
        manager.reboot(router.id());
        assertThat(agents.commandsOfType(PlugNicCommand.class)).extracting(plug -> plug.nic().deviceId()).containsExactly(1, 2, 3);
        assertThat(agents.commandsOfType(SetNetworkACLCommand.class)).filteredOn(SetNetworkACLCommand::privateGateway).hasSize(1);

        agents.clear();
        element.deletePrivateGateway(gateway);
        vpc.removePrivateGateway(gateway);
        assertThat(commandClasses(router)).containsExactly(IpAssocVpcCommand.class, UnPlugNicCommand.class);
        assertThat(agents.commandsOfType(IpAssocVpcCommand.class).get(0).ipAddresses().get(0).add()).isFalse();
        assertThat(simulator.router(router.instanceName()).nics()).extracting(NicTO::deviceId).containsExactly(0, 1, 2);
    }

    @Test
    void readsTheRoutersByteCountersOnItsPublicInterface() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        DomainRouter router = onlyRouter();

        NetworkUsage usage = manager.networkUsage(router.id(), true);

        assertThat(usage).isEqualTo(new NetworkUsage(router.id(), 0, 0));
        assertThat(agents.commandsOfType(NetworkUsageCommand.class)).extracting(NetworkUsageCommand::option, NetworkUsageCommand::publicIp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NetworkUsageCommand.Option.GET, java.util.Optional.of(vpc.sourceNat().address())),
                        org.assertj.core.groups.Tuple.tuple(NetworkUsageCommand.Option.RESET, java.util.Optional.of(vpc.sourceNat().address())));
    }

    @Test
    void rejectsRemovingANetworkThatIsNoTierBeforeChangingAnything() {
        Network tier1 = vpc.addTier();
        element.implement(tier1, tier1.offering(), cloud.destination());
        agents.clear();

        assertThatThrownBy(() -> manager.removeVpcTier(cloud.isolatedNetwork().network()))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("vpc_id"));
        assertThat(agents.recorded()).isEmpty();
    }

    private DomainRouter onlyRouter() {
        List<DomainRouter> routers = manager.vpcRouters(vpc.vpc().id());
        assertThat(routers).hasSize(1);
        return routers.get(0);
    }

    private List<Class<?>> commandClasses(DomainRouter router) {
        return agents.recorded().stream().map(RecordedCommand::command)
                .filter(command -> RecordedCommand.routerNameOf(command).map(router.instanceName()::equals).orElse(false))
                .<Class<?>>map(Command::getClass).toList();
    }

    private static NetworkAclItem allow(int number, int port) {
        return NetworkAclItem.of(number, number, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP).withPorts(PortRange.of(port, port));
    }

    private static NetworkAclItem deny(int number, int port) {
        return NetworkAclItem.of(number, number, NetworkAclItem.Action.DENY, Direction.INGRESS, Protocol.TCP).withPorts(PortRange.of(port, port));
    }
}
