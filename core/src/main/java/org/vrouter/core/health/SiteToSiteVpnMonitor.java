package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.Site2SiteVpnConnection.State;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * Checks the site-to-site connections of every VPC (CloudStack's
 * {@code updateSite2SiteVpnConnectionState}, management-side §10) and keeps each connection's
 * state with the time it changed, for the embedding controller ({@link #statuses()}).
 *
 * <p><b>One VPC.</b> Its connections come from the {@link SiteToSiteConnectionSource}; a VPC
 * without any is sent nothing. One Running router of the VPC is asked, with one
 * {@code CheckS2SVpnConnectionsCommand} naming every peer: the PRIMARY of a redundant pair when one
 * is known (only it holds the tunnels), else the Running router with the lowest id. A peer the
 * answer reports with code 0 is Connected; reported otherwise or not reported at all, Disconnected
 * (with the router's words). A router that fails the command, cannot be reached or times out makes
 * every connection of the VPC Error with the details: never silently dropped. Without a Running
 * router the connections are Disconnected. Connections the source no longer lists, and VPCs
 * without routers, are forgotten.
 *
 * <p><b>Threading.</b> {@link #start()} schedules a round every {@link HealthCheckSettings#period()}
 * ({@code router.check.interval}) on the injected executor, whose pool bounds how many VPCs are
 * checked at once; a VPC still being checked is not queued again, and each check is bounded by the
 * command's 30-second timeout. {@link #checkNow()} and {@link #checkVpc} run on the caller's thread;
 * two checks of the same VPC never overlap. Every task catches what escapes it at its edge, logs
 * and counts it ({@link #taskFailures()}). The executor belongs to the caller: {@link #close()}
 * cancels the schedule only. Thread-safe.
 */
public final class SiteToSiteVpnMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteToSiteVpnMonitor.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final CommandSetupHelper helper;
    private final SiteToSiteConnectionSource connections;
    private final Clock clock;
    private final HealthCheckSettings settings;
    private final ConcurrentMap<Long, SiteToSiteConnectionStatus> statuses = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Object> vpcLocks = new ConcurrentHashMap<>();
    private final PeriodicChecks checks;

    /**
     * @param dao where the VPC routers are read
     * @param agents delivers the check to the router's host
     * @param helper builds the check command
     * @param connections the controller's connections per VPC
     * @param executor runs the schedule and the checks of a round
     * @param clock the time of each check and state change
     * @param settings the period between rounds
     */
    public SiteToSiteVpnMonitor(RouterDao dao, AgentManager agents, CommandSetupHelper helper, SiteToSiteConnectionSource connections,
            ScheduledExecutorService executor, Clock clock, HealthCheckSettings settings) {
        this.dao = requireNonNull(dao, "dao is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.checks = new PeriodicChecks("site-to-site check", log, executor, settings.period(), () -> {});
    }

    /** Schedules a round every period, the first one period from now. Calling it again does nothing. */
    public void start() {
        checks.start(this::scheduleRound);
    }

    /** Cancels the schedule; checks already running finish. The executor stays as it is. */
    @Override
    public void close() {
        checks.close();
    }

    /** One round on the caller's thread: every VPC that has routers. */
    public void checkNow() {
        vpcsToCheck().forEach(vpcId -> checks.guarded("vpc:" + vpcId, () -> checkVpc(vpcId)));
    }

    /**
     * Checks VPC {@code vpcId} now, on the caller's thread (waiting for a check of it already
     * running), and returns its connections' statuses, ascending by connection id.
     *
     * @throws VrouterException when the connection source fails; the statuses stay as they were
     */
    public List<SiteToSiteConnectionStatus> checkVpc(long vpcId) {
        synchronized (vpcLocks.computeIfAbsent(vpcId, id -> new Object())) {
            List<Site2SiteVpnConnection> listed = connections.connections(vpcId).stream().filter(c -> c.vpcId() == vpcId).toList();
            Set<Long> ids = listed.stream().map(Site2SiteVpnConnection::id).collect(Collectors.toSet());
            statuses.values().removeIf(status -> status.vpcId() == vpcId && !ids.contains(status.connectionId()));
            if (!listed.isEmpty()) {
                check(vpcId, listed);
            }
            return statuses(vpcId);
        }
    }

    /** The last status of connection {@code connectionId}; empty when it was never checked or is gone. */
    public Optional<SiteToSiteConnectionStatus> status(long connectionId) {
        return Optional.ofNullable(statuses.get(connectionId));
    }

    /** Every connection's last status, ascending by connection id. */
    public List<SiteToSiteConnectionStatus> statuses() {
        return statuses.values().stream().sorted(Comparator.comparingLong(SiteToSiteConnectionStatus::connectionId)).toList();
    }

    /** The last statuses of VPC {@code vpcId}'s connections, ascending by connection id. */
    public List<SiteToSiteConnectionStatus> statuses(long vpcId) {
        return statuses().stream().filter(status -> status.vpcId() == vpcId).toList();
    }

    /** How many check tasks failed with an exception since the monitor was built. */
    public long taskFailures() {
        return checks.failures();
    }

    private List<Long> vpcsToCheck() {
        List<Long> vpcs = dao.list().stream().map(DomainRouter::vpcId).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
                .distinct().sorted().toList();
        statuses.values().removeIf(status -> !vpcs.contains(status.vpcId()));
        return vpcs;
    }

    /** A round on the executor: one task per VPC; a VPC whose last check is still queued or running is skipped. */
    private void scheduleRound() {
        vpcsToCheck().forEach(vpcId -> checks.submit("vpc:" + vpcId, () -> checkVpc(vpcId)));
    }

    // ---- one VPC

    private void check(long vpcId, List<Site2SiteVpnConnection> listed) {
        Optional<DomainRouter> target = routerToAsk(dao.listByVpc(vpcId));
        if (target.isEmpty()) {
            listed.forEach(connection -> record(connection, State.DISCONNECTED, "VPC " + vpcId + " has no Running router", OptionalLong.empty()));
            return;
        }
        DomainRouter router = target.get();
        OptionalLong asked = OptionalLong.of(router.id());
        List<IpAddress> peers = listed.stream().map(Site2SiteVpnConnection::peerGatewayIp).distinct().toList();
        Answer answer;
        try {
            answer = agents.send(router.hostId().getAsLong(), helper.createCheckS2SVpnConnectionsCommand(router, peers));
        }
        catch (VrouterException e) {
            String details = router.instanceName() + " could not be asked: " + e.getMessage();
            listed.forEach(connection -> record(connection, State.ERROR, details, asked));
            return;
        }
        if (!(answer instanceof CheckS2SVpnConnectionsAnswer check) || !answer.success()) {
            String details = router.instanceName() + " failed the check: " + answer.details();
            listed.forEach(connection -> record(connection, State.ERROR, details, asked));
            return;
        }
        for (Site2SiteVpnConnection connection : listed) {
            IpAddress peer = connection.peerGatewayIp();
            Optional<CheckS2SVpnConnectionsAnswer.PeerStatus> reported = Optional.ofNullable(check.peers().get(peer));
            State state = reported.filter(CheckS2SVpnConnectionsAnswer.PeerStatus::connected).isPresent() ? State.CONNECTED : State.DISCONNECTED;
            String details = reported.map(CheckS2SVpnConnectionsAnswer.PeerStatus::detail).orElse("not reported by " + router.instanceName());
            record(connection, state, details, asked);
        }
    }

    /** The PRIMARY of a redundant pair when known, else the Running router with the lowest id; empty without one. */
    static Optional<DomainRouter> routerToAsk(List<DomainRouter> routers) {
        List<DomainRouter> running = routers.stream()
                .filter(router -> router.isRunning() && router.hostId().isPresent() && router.controlIp().isPresent())
                .sorted(Comparator.comparingLong(DomainRouter::id))
                .toList();
        return running.stream().filter(router -> router.redundant() && router.redundantState() == RedundantState.PRIMARY).findFirst()
                .or(() -> running.stream().findFirst());
    }

    private void record(Site2SiteVpnConnection connection, State state, String details, OptionalLong routerId) {
        Instant now = clock.instant();
        SiteToSiteConnectionStatus last = statuses.get(connection.id());
        boolean fresh = last == null || last.vpcId() != connection.vpcId();
        statuses.put(connection.id(), fresh
                ? new SiteToSiteConnectionStatus(connection.id(), connection.vpcId(), connection.peerGatewayIp(), state, details, routerId, now, now)
                : last.next(state, details, routerId, now));
        if (!fresh && last.state() == state) {
            return;
        }
        if (state == State.CONNECTED) {
            log.info("site-to-site connection {} to {} (VPC {}) is Connected", connection.id(), connection.peerGatewayIp(), connection.vpcId());
        }
        else {
            log.warn("site-to-site connection {} to {} (VPC {}) is {}: {}", connection.id(), connection.peerGatewayIp(), connection.vpcId(),
                    state.wireName(), details);
        }
    }
}
