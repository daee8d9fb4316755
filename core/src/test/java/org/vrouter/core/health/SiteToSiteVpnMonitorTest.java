package org.vrouter.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.Site2SiteVpnConnection.State;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.setup.CommandSetupHelper;

class SiteToSiteVpnMonitorTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final long VPC = 7;
    private static final long HOST = 9;
    private static final IpAddress PEER_A = IpAddress.parse("198.51.100.7");
    private static final IpAddress PEER_B = IpAddress.parse("203.0.113.9");

    private final InMemoryRouterDao dao = new InMemoryRouterDao();
    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private final AgentManagerImpl agents = new AgentManagerImpl(agentThreads, Metrics.NOOP);
    private final TunnelHost host = new TunnelHost();
    private final Map<Long, List<Site2SiteVpnConnection>> connections = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(T0);
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final SiteToSiteVpnMonitor monitor = new SiteToSiteVpnMonitor(dao, agents, new CommandSetupHelper(),
            vpcId -> connections.getOrDefault(vpcId, List.of()), executor, clock,
            new HealthCheckSettings(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(1), 1));

    SiteToSiteVpnMonitorTest() {
        agents.register(HOST, host);
    }

    @AfterEach
    void stop() {
        monitor.close();
        executor.shutdownNow();
        agentThreads.shutdownNow();
    }

    private DomainRouter vpcRouter(long id, RouterState state) {
        return dao.persist(DomainRouter.builder(id, "uuid-" + id, 1, HypervisorType.SIMULATOR, 7)
                .networkIds(List.of(301L))
                .vpcId(VPC)
                .controlIp(IpAddress.parse("169.254.3." + id))
                .guestIps(Map.of(301L, IpAddress.parse("172.16.1.1")))
                .placement(3, HOST)
                .state(state)
                .build());
    }

    private static Site2SiteVpnConnection connection(long id, IpAddress peer) {
        return Site2SiteVpnConnection.builder(id, VPC, IpAddress.parse("192.0.2.10"), IpAddress.parse("192.0.2.1"), Cidr.parse("10.7.0.0/16"),
                peer, List.of(Cidr.parse("10.200." + id + ".0/24")), Secret.of("psk-" + id)).build();
    }

    private void twoConnections() {
        connections.put(VPC, List.of(connection(1, PEER_A), connection(2, PEER_B)));
    }

    @Test
    void recordsOneConnectedAndOneDisconnectedPeerFromTheRoutersAnswer() {
        DomainRouter router = vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        host.output = PEER_A + ":0:IKE SA established, IPsec SA installed&" + PEER_B + ":1:no IKE SA established";

        List<SiteToSiteConnectionStatus> statuses = monitor.checkVpc(VPC);

        assertThat(statuses).extracting(SiteToSiteConnectionStatus::connectionId, SiteToSiteConnectionStatus::state,
                SiteToSiteConnectionStatus::details).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, State.CONNECTED, "IKE SA established, IPsec SA installed"),
                        org.assertj.core.groups.Tuple.tuple(2L, State.DISCONNECTED, "no IKE SA established"));
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.since()).isEqualTo(T0);
            assertThat(status.routerId()).hasValue(router.id());
        });
        assertThat(host.checks).singleElement().satisfies(check -> {
            assertThat(check.peerGatewayIps()).containsExactly(PEER_A, PEER_B);
            assertThat(check.accessDetails().get(AccessDetails.ROUTER_NAME)).contains(router.instanceName());
            assertThat(check.accessDetails().get(AccessDetails.ROUTER_IP)).contains("169.254.3.5");
        });
        assertThat(monitor.status(1)).map(SiteToSiteConnectionStatus::connected).contains(true);
    }

    @Test
    void recordsTheTimeOfAStateChangeAndKeepsItWhileTheStateHolds() {
        vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        host.output = PEER_A + ":0:up&" + PEER_B + ":1:down";
        monitor.checkNow();

        clock.advance(Duration.ofSeconds(30));
        host.output = PEER_A + ":1:no IKE SA established&" + PEER_B + ":1:down";
        monitor.checkNow();
        clock.advance(Duration.ofSeconds(30));
        monitor.checkNow();

        SiteToSiteConnectionStatus a = monitor.status(1).orElseThrow();
        assertThat(a.state()).isEqualTo(State.DISCONNECTED);
        assertThat(a.since()).isEqualTo(T0.plusSeconds(30));
        assertThat(a.checkedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(monitor.status(2).orElseThrow().since()).isEqualTo(T0);
    }

    @Test
    void aFailedAnswerMarksEveryConnectionErrorWithItsDetails() {
        vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        host.failure = "checkbatchs2svpn.sh exited 127: command not found";

        monitor.checkVpc(VPC);

        assertThat(monitor.statuses()).hasSize(2).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(State.ERROR);
            assertThat(status.details()).contains("r-5-VM").contains("command not found");
        });
    }

    @Test
    void anUnreachableHostMarksTheConnectionsError() {
        vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        agents.unregister(HOST);

        monitor.checkVpc(VPC);

        assertThat(monitor.statuses()).extracting(SiteToSiteConnectionStatus::state).containsExactly(State.ERROR, State.ERROR);
    }

    @Test
    void aPeerTheRouterDidNotReportIsDisconnected() {
        vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        host.output = PEER_A + ":0:up";

        monitor.checkVpc(VPC);

        assertThat(monitor.status(2)).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(State.DISCONNECTED);
            assertThat(status.details()).isEqualTo("not reported by r-5-VM");
        });
    }

    @Test
    void asksThePrimaryOfARedundantPair() {
        vpcRouter(5, RouterState.RUNNING);
        DomainRouter backup = dao.findById(5).orElseThrow();
        dao.update(backup.toBuilder().redundant(true).redundantState(RedundantState.BACKUP).build());
        DomainRouter primary = vpcRouter(6, RouterState.RUNNING);
        dao.update(primary.toBuilder().redundant(true).redundantState(RedundantState.PRIMARY).build());
        twoConnections();
        host.output = PEER_A + ":0:up&" + PEER_B + ":0:up";

        monitor.checkVpc(VPC);

        assertThat(host.checks).singleElement()
                .satisfies(check -> assertThat(check.accessDetails().get(AccessDetails.ROUTER_NAME)).contains(primary.instanceName()));
        assertThat(monitor.statuses()).allSatisfy(status -> assertThat(status.routerId()).hasValue(6L));
    }

    @Test
    void withoutARunningRouterTheConnectionsAreDisconnectedAndNothingIsSent() {
        vpcRouter(5, RouterState.STOPPED);
        twoConnections();

        monitor.checkNow();

        assertThat(host.checks).isEmpty();
        assertThat(monitor.statuses()).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(State.DISCONNECTED);
            assertThat(status.routerId()).isEmpty();
        }).hasSize(2);
    }

    @Test
    void withoutVpcRoutersNothingIsSent() {
        twoConnections();
        dao.persist(DomainRouter.builder(4, "uuid-4", 1, HypervisorType.SIMULATOR, 7).networkIds(List.of(204L)).placement(3, HOST)
                .controlIp(IpAddress.parse("169.254.3.4")).state(RouterState.RUNNING).build());

        monitor.checkNow();

        assertThat(host.checks).isEmpty();
        assertThat(monitor.statuses()).isEmpty();
    }

    @Test
    void aVpcWithoutConnectionsIsSentNothingAndARemovedConnectionIsForgotten() {
        vpcRouter(5, RouterState.RUNNING);
        twoConnections();
        host.output = PEER_A + ":0:up&" + PEER_B + ":0:up";
        monitor.checkNow();

        connections.put(VPC, List.of(connection(2, PEER_B)));
        monitor.checkNow();
        assertThat(monitor.statuses()).extracting(SiteToSiteConnectionStatus::connectionId).containsExactly(2L);
        assertThat(host.checks.get(1).peerGatewayIps()).containsExactly(PEER_B);

        connections.remove(VPC);
        monitor.checkNow();
        assertThat(host.checks).hasSize(2);
        assertThat(monitor.statuses()).isEmpty();
    }

    @Test
    void theScheduleChecksEveryPeriodAndSurvivesAFailingSource() throws InterruptedException {
        vpcRouter(5, RouterState.RUNNING);
        connections.put(VPC, List.of(connection(1, PEER_A)));
        host.output = PEER_A + ":0:up";
        AtomicInteger sourceCalls = new AtomicInteger();
        SiteToSiteVpnMonitor flaky = new SiteToSiteVpnMonitor(dao, agents, new CommandSetupHelper(), vpcId -> {
            if (sourceCalls.getAndIncrement() == 0) {
                throw new IllegalStateException("controller store unavailable");
            }
            return connections.getOrDefault(vpcId, List.of());
        }, executor, clock, new HealthCheckSettings(Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        try {
            flaky.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (flaky.status(1).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        finally {
            flaky.close();
        }
        assertThat(flaky.taskFailures()).isEqualTo(1);
        assertThat(flaky.status(1)).map(SiteToSiteConnectionStatus::state).contains(State.CONNECTED);
    }

    /** A host whose routers answer the tunnel check with {@link #output}, or fail it with {@link #failure}. */
    private static final class TunnelHost implements HypervisorResource {
        final List<CheckS2SVpnConnectionsCommand> checks = new CopyOnWriteArrayList<>();
        volatile String output = "";
        volatile String failure;

        @Override
        public HypervisorType type() {
            return HypervisorType.SIMULATOR;
        }

        @Override
        public Answer execute(Command command) {
            if (command instanceof CheckS2SVpnConnectionsCommand check) {
                checks.add(check);
                return failure != null ? CheckS2SVpnConnectionsAnswer.failure(failure) : CheckS2SVpnConnectionsAnswer.fromScriptOutput(output);
            }
            return Answer.failure("unexpected " + command.getClass().getSimpleName());
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
