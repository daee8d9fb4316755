package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;

/**
 * Watches routers in the background (CloudStack's router monitor tasks, management-side §9-10):
 * each round asks the host of every Running router for its VM's power state
 * ({@code CheckVirtualMachineCommand}) and polls every network with redundant routers for their
 * VRRP state ({@code CheckRouterCommand}, through {@link RouterRecovery#refreshRedundantState}).
 * Two PRIMARYs in one network are counted and reported at once ({@link RedundancyReport}); when they
 * are still both PRIMARY at the next poll, every one but the lowest id is restarted (demoted).
 *
 * <p><b>Recovery.</b> A Running router whose host reports the VM off or missing, and a stop-pending
 * router whose host is reachable again, is restarted at once through {@link RouterRecovery}. A
 * failed restart is retried after {@link HealthCheckSettings#backoffAfter} (doubling, capped);
 * after {@link HealthCheckSettings#maxRestartAttempts} failures in a row the router is given up:
 * state Error, reported, logged as an error. A power check without a usable answer is counted,
 * never acted on: an unreachable host does not mean a dead router.
 *
 * <p><b>Results.</b> {@link #reports()} per router and {@link #redundancy()} per network, for the
 * embedding controller; more than one PRIMARY in a network is flagged there.
 *
 * <p><b>Threading.</b> {@link #start()} schedules a round every {@link HealthCheckSettings#period()}
 * on the injected executor, whose pool bounds how many checks run at once; each round hands one
 * task per router (and per redundant network) to the same executor, never two at once for the same
 * router. Every task catches what escapes it at its edge, logs it once with the exception, counts
 * it ({@link #taskFailures()}, metric {@value #TASK_FAILURE_METRIC}) and the next round runs as
 * usual. {@link #checkNow()} runs one round on the caller's thread. The executor belongs to the
 * caller: {@link #close()} cancels the schedule, not the executor. Thread-safe.
 */
public final class RouterHealthChecker implements AutoCloseable {
    static final String TASK_FAILURE_METRIC = "vrouter.health.task.failures";
    static final String RESTART_METRIC = "vrouter.health.restarts";
    static final String MULTIPLE_PRIMARY_METRIC = "vrouter.health.multiple_primaries";
    static final String DEMOTION_METRIC = "vrouter.health.demotions";

    private static final Logger log = LoggerFactory.getLogger(RouterHealthChecker.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final RouterRecovery recovery;
    private final Clock clock;
    private final Metrics metrics;
    private final HealthCheckSettings settings;
    private final ConcurrentMap<Long, HealthReport> reports = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, RedundancyReport> redundancy = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Instant> recovering = new ConcurrentHashMap<>();
    private final PeriodicChecks checks;

    public RouterHealthChecker(RouterDao dao, AgentManager agents, RouterRecovery recovery, ScheduledExecutorService executor, Clock clock,
            Metrics metrics, HealthCheckSettings settings) {
        this.dao = requireNonNull(dao, "dao is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.recovery = requireNonNull(recovery, "recovery is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.checks = new PeriodicChecks("health check", log, executor, settings.period(), () -> metrics.counter(TASK_FAILURE_METRIC).increment());
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

    /** One round on the caller's thread: every router, then every network with redundant routers. */
    public void checkNow() {
        List<DomainRouter> routers = dao.list();
        forgetGone(routers);
        routers.forEach(router -> checks.runNow("router:" + router.id(), () -> checkRouter(router.id())));
        redundantNetworks(routers).forEach(network -> checks.runNow("network:" + network, () -> pollNetwork(network)));
    }

    /** What was last learned about the router; empty for a router never looked at or gone. */
    public Optional<HealthReport> report(long routerId) {
        return Optional.ofNullable(reports.get(routerId));
    }

    /** Every router's report, ascending by router id. */
    public List<HealthReport> reports() {
        return reports.values().stream().sorted(Comparator.comparingLong(HealthReport::routerId)).toList();
    }

    /** The last VRRP poll of each network with redundant routers, ascending by network id. */
    public List<RedundancyReport> redundancy() {
        return redundancy.values().stream().sorted(Comparator.comparingLong(RedundancyReport::networkId)).toList();
    }

    /** How many check tasks failed with an unexpected exception since the checker was built. */
    public long taskFailures() {
        return checks.failures();
    }

    private void scheduleRound() {
        List<DomainRouter> routers = dao.list();
        forgetGone(routers);
        routers.forEach(router -> checks.submit("router:" + router.id(), () -> checkRouter(router.id())));
        redundantNetworks(routers).forEach(network -> checks.submit("network:" + network, () -> pollNetwork(network)));
    }

    private void forgetGone(List<DomainRouter> routers) {
        Set<Long> ids = routers.stream().map(DomainRouter::id).collect(Collectors.toSet());
        reports.keySet().retainAll(ids);
        recovering.keySet().retainAll(ids);
    }

    private static Set<Long> redundantNetworks(List<DomainRouter> routers) {
        return routers.stream().filter(DomainRouter::redundant).flatMap(router -> router.networkIds().stream().limit(1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- one router

    private void checkRouter(long routerId) {
        Optional<DomainRouter> found = dao.findById(routerId);
        if (found.isEmpty()) {
            return;
        }
        DomainRouter router = found.get();
        Instant now = clock.instant();
        reports.compute(routerId, (id, report) -> (report == null ? HealthReport.of(router) : report).seen(router, now));
        if (router.state() == RouterState.RUNNING) {
            checkRunning(router, now);
        }
        else if (router.state() == RouterState.STOPPED && recovering.containsKey(routerId)) {
            attemptRestart(router, now);
        }
        else {
            recovering.remove(routerId); // started, stopped or given up by someone else
        }
    }

    private void checkRunning(DomainRouter router, Instant now) {
        long hostId = router.hostId().orElseThrow();
        if (router.stopPending()) {
            if (agents.isRegistered(hostId)) {
                recovering.putIfAbsent(router.id(), now);
                attemptRestart(router, now);
            }
            return;
        }
        Optional<PowerState> power = powerState(router, hostId);
        if (power.isEmpty()) {
            return;
        }
        update(router.id(), report -> report.powered(power.get()));
        if (power.get() == PowerState.ON) {
            recovering.remove(router.id());
        }
        else if (power.get() == PowerState.OFF || power.get() == PowerState.MISSING) {
            log.warn("{}: host {} reports the VM {}; restarting it", router.displayName(), hostId, power.get().wireName());
            recovering.putIfAbsent(router.id(), now);
            attemptRestart(router, now);
        }
    }

    /** The VM's power state, or empty when the host gave no usable answer (counted in the report). */
    private Optional<PowerState> powerState(DomainRouter router, long hostId) {
        try {
            Answer answer = agents.send(hostId, new CheckVirtualMachineCommand(router.instanceName()));
            if (answer instanceof CheckVirtualMachineAnswer check && check.success() && check.state() != PowerState.UNKNOWN) {
                return Optional.of(check.state());
            }
            update(router.id(), report -> report.checkFailed("power check failed: " + answer.details()));
        }
        catch (ResourceUnavailableException | OperationTimedOutException e) {
            // an unreachable host says nothing about the router: counted, not acted on
            update(router.id(), report -> report.checkFailed(e.getMessage()));
        }
        return Optional.empty();
    }

    /** Restarts the router when its next attempt is due; counts a failure, backs off, and gives up after the cap. */
    private void attemptRestart(DomainRouter router, Instant now) {
        Instant due = recovering.get(router.id());
        if (due == null || now.isBefore(due)) {
            return;
        }
        try {
            DomainRouter restarted = recovery.restart(router.id());
            recovering.remove(router.id());
            update(router.id(), report -> report.restarted(restarted));
            metrics.counter(RESTART_METRIC, Map.of("result", "success")).increment();
            log.info("{} restarted by the health checker", router.displayName());
        }
        catch (VrouterException e) {
            restartFailed(router, now, e);
        }
    }

    private void restartFailed(DomainRouter router, Instant now, VrouterException error) {
        int failures = report(router.id()).map(HealthReport::failedRestarts).orElse(0) + 1;
        if (failures >= settings.maxRestartAttempts()) {
            recovering.remove(router.id());
            update(router.id(), report -> report.restartFailed(error.getMessage(), Optional.empty()));
            metrics.counter(RESTART_METRIC, Map.of("result", "gave_up")).increment();
            DomainRouter failed = recovery.markError(router.id(), "not restarted after " + failures + " attempts; last: " + error.getMessage());
            update(router.id(), report -> report.seen(failed, now));
            return;
        }
        Instant next = now.plus(settings.backoffAfter(failures));
        recovering.put(router.id(), next);
        update(router.id(), report -> report.restartFailed(error.getMessage(), Optional.of(next)));
        metrics.counter(RESTART_METRIC, Map.of("result", "failure")).increment();
        log.warn("{}: restart {} of {} failed, next attempt at {}: {}", router.displayName(), failures, settings.maxRestartAttempts(), next,
                error.getMessage());
    }

    private void update(long routerId, UnaryOperator<HealthReport> change) {
        reports.computeIfPresent(routerId, (id, report) -> change.apply(report));
    }

    // ---- one redundant network

    private void pollNetwork(long networkId) {
        List<DomainRouter> routers = recovery.refreshRedundantState(networkId).stream().filter(DomainRouter::redundant).toList();
        Map<Long, RedundantState> states = routers.stream().collect(Collectors.toMap(DomainRouter::id, DomainRouter::redundantState));
        boolean multiplePrimaries = states.values().stream().filter(state -> state == RedundantState.PRIMARY).count() > 1;
        routers.forEach(router -> update(router.id(), report -> report.withRedundantState(router.redundantState())));
        RedundancyReport previous = redundancy.get(networkId);
        List<Long> demoted = List.of();
        if (multiplePrimaries) {
            // the router manager's poll has logged it; here it is counted, reported and, when it lasts, ended
            metrics.counter(MULTIPLE_PRIMARY_METRIC).increment();
            if (previous != null && previous.multiplePrimaries()) {
                demoted = demote(networkId, routers);
            }
        }
        redundancy.put(networkId, new RedundancyReport(networkId, states, multiplePrimaries, clock.instant(), demoted));
    }

    /**
     * Ends a dual PRIMARY seen at two polls in a row (one poll may catch a failover between two
     * notify hooks): every PRIMARY but the lowest id is restarted. Its keepalived comes back BACKUP and,
     * with {@code nopreempt}, stays BACKUP while it hears the other; if it cannot hear it (the link between
     * them is cut), it claims PRIMARY again and the next polls report it again.
     */
    private List<Long> demote(long networkId, List<DomainRouter> routers) {
        List<Long> primaries = routers.stream().filter(router -> router.redundantState() == RedundantState.PRIMARY).map(DomainRouter::id)
                .sorted().toList();
        List<Long> demoted = primaries.subList(1, primaries.size());
        log.error("network {}: routers {} have all been PRIMARY since the previous poll; keeping {}, restarting {}", networkId, primaries,
                primaries.get(0), demoted);
        for (long routerId : demoted) {
            metrics.counter(DEMOTION_METRIC).increment();
            recovery.restart(routerId);
        }
        return List.copyOf(demoted);
    }
}
