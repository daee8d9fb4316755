package org.vrouter.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.Site2SiteVpnConnection.State;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.health.HealthCheckSettings;
import org.vrouter.core.health.SiteToSiteConnectionStatus;
import org.vrouter.core.health.SiteToSiteVpnMonitor;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VpcVirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestVpc;

/**
 * The site-to-site check end to end: the VPC router's connections go out through the manager, the
 * simulator answers {@code checkbatchs2svpn.sh} from the router's {@code site2sitevpn} databag, and
 * the {@link SiteToSiteVpnMonitor} records what it said.
 */
class SiteToSiteStatusSimulatorTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path work;

    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService healthThreads = Executors.newSingleThreadScheduledExecutor();
    private final TestCloud cloud = TestCloud.advanced();
    private final TestVpc vpc = new TestVpc(cloud, 7, 20);
    private final InMemoryRouterDao dao = new InMemoryRouterDao();
    private final List<Site2SiteVpnConnection> connections = new CopyOnWriteArrayList<>();
    private SimulatorHypervisor simulator;
    private RecordingAgentManager agents;
    private RouterManagerImpl manager;
    private SiteToSiteVpnMonitor monitor;

    @BeforeEach
    void wire() {
        simulator = SimulatorHypervisor.create(work);
        agents = new RecordingAgentManager(new AgentManagerImpl(agentThreads, Metrics.NOOP));
        agents.register(cloud.host().id(), simulator);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory());
        manager = new RouterManagerImpl(dao, agents, guru, helper, vpc, new HostCandidates(List.of(cloud.destination())), Clock.systemUTC(),
                RouterManagerSettings.of(Map.of(cloud.host().hypervisorType(), cloud.routerTemplate())));
        monitor = new SiteToSiteVpnMonitor(dao, agents, helper, vpcId -> vpcId == vpc.vpc().id() ? List.copyOf(connections) : List.of(),
                healthThreads, Clock.fixed(T0, ZoneOffset.UTC), HealthCheckSettings.defaults());
    }

    @AfterEach
    void stopThreads() {
        monitor.close();
        agentThreads.shutdownNow();
        healthThreads.shutdownNow();
    }

    private DomainRouter vpcRouter() {
        Network tier = vpc.addTier();
        new VpcVirtualRouterElement(manager, vpc).implement(tier, tier.offering(), cloud.destination());
        return manager.vpcRouters(vpc.vpc().id()).get(0);
    }

    private Site2SiteVpnConnection connection(long id, String peer) {
        return Site2SiteVpnConnection.builder(id, vpc.vpc().id(), vpc.sourceNat().address(), vpc.sourceNat().gateway(), vpc.vpc().cidr(),
                IpAddress.parse(peer), List.of(Cidr.parse("10.200." + id + ".0/24")), Secret.of("psk-" + id)).build();
    }

    @Test
    void aConfiguredPeerIsConnectedAndOneTheRouterLacksIsDisconnected() {
        DomainRouter router = vpcRouter();
        Site2SiteVpnConnection configured = connection(1, "198.51.100.7");
        Site2SiteVpnConnection removed = connection(2, "203.0.113.9");
        manager.startSite2SiteVpn(configured);
        manager.startSite2SiteVpn(removed);
        manager.stopSite2SiteVpn(removed);
        connections.addAll(List.of(configured, removed));

        List<SiteToSiteConnectionStatus> statuses = monitor.checkVpc(vpc.vpc().id());

        assertThat(statuses).extracting(SiteToSiteConnectionStatus::connectionId, SiteToSiteConnectionStatus::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, State.CONNECTED), org.assertj.core.groups.Tuple.tuple(2L, State.DISCONNECTED));
        assertThat(statuses.get(1).details()).isEqualTo("no IKE SA established");
        assertThat(statuses).allSatisfy(status -> assertThat(status.since()).isEqualTo(T0));
        assertThat(agents.commandsOfType(CheckS2SVpnConnectionsCommand.class)).singleElement()
                .satisfies(check -> assertThat(check.peerGatewayIps()).extracting(IpAddress::value).containsExactly("198.51.100.7", "203.0.113.9"));
        assertThat(simulator.router(router.instanceName()).scriptRuns(RouterScripts.S2S_VPN_CHECK)).singleElement()
                .satisfies(run -> assertThat(run.result().exitStatus()).isZero());
    }

    @Test
    void aFailingScriptMarksTheConnectionsErrorWithItsDetails() {
        DomainRouter router = vpcRouter();
        Site2SiteVpnConnection connection = connection(1, "198.51.100.7");
        manager.startSite2SiteVpn(connection);
        connections.add(connection);
        simulator.failNextScript(router.instanceName(), 1, "charon.vici: connection refused");

        monitor.checkNow();

        assertThat(monitor.status(1)).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(State.ERROR);
            assertThat(status.details()).contains(router.instanceName()).contains("connection refused");
        });
    }

    @Test
    void aVpcWithoutConnectionsIsNotAsked() {
        vpcRouter();

        monitor.checkNow();

        assertThat(agents.commandsOfType(CheckS2SVpnConnectionsCommand.class)).isEmpty();
        assertThat(monitor.statuses()).isEmpty();
    }
}
