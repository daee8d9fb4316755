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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.metrics.Counter;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.metrics.Timer;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.StartCommand;
import org.vrouter.core.manager.ManagerHarness;

class RouterHealthCheckerTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final ManagerHarness harness = new ManagerHarness();
    private final MutableClock clock = new MutableClock(T0);
    private final CountingMetrics metrics = new CountingMetrics();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final HealthCheckSettings settings = new HealthCheckSettings(Duration.ofMillis(20), Duration.ofSeconds(10), Duration.ofSeconds(15), 3);
    private RouterHealthChecker checker = new RouterHealthChecker(harness.dao, harness.agents, harness.manager, executor, clock, metrics, settings);

    @AfterEach
    void close() {
        checker.close();
        executor.shutdownNow();
        harness.close();
    }

    private DomainRouter deploy(boolean redundant) {
        Network network = harness.addNetwork(ManagerHarness.NETWORK, redundant);
        return harness.manager.deployRouters(ManagerHarness.deployment(network)).get(0);
    }

    private int starts(String router) {
        return harness.host9.commandsFor(router, StartCommand.class).size() + harness.host10.commandsFor(router, StartCommand.class).size();
    }

    @Test
    void aHealthyRouterIsReportedAndLeftAlone() {
        DomainRouter router = deploy(false);

        checker.checkNow();

        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.state()).isEqualTo(RouterState.RUNNING);
            assertThat(report.powerState()).contains(PowerState.ON);
            assertThat(report.lastCheck()).contains(T0);
            assertThat(report.restarts()).isZero();
        });
        assertThat(starts(router.instanceName())).isEqualTo(1);
    }

    @Test
    void aRouterWhoseVmIsMissingIsRestarted() {
        DomainRouter router = deploy(false);
        harness.host9.removeVm(router.instanceName());

        checker.checkNow();

        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.RUNNING);
        assertThat(starts(router.instanceName())).isEqualTo(2);
        assertThat(harness.host9.powerState(router.instanceName())).contains(PowerState.ON);
        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.restarts()).isEqualTo(1);
            assertThat(report.failedRestarts()).isZero();
            assertThat(report.nextRestart()).isEmpty();
        });
        assertThat(metrics.count(RouterHealthChecker.RESTART_METRIC + "{result=success}")).isEqualTo(1);
    }

    @Test
    void failedRestartsBackOffAndTheRouterIsGivenUpAfterTheCap() {
        DomainRouter router = deploy(false);
        String name = router.instanceName();
        harness.host9.removeVm(name);
        harness.host9.failStartOf(name);
        harness.host10.failStartOf(name);

        checker.checkNow();
        assertThat(starts(name)).isEqualTo(2);
        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.failedRestarts()).isEqualTo(1);
            assertThat(report.nextRestart()).contains(T0.plusSeconds(10));
            assertThat(report.lastError()).hasValueSatisfying(error -> assertThat(error).contains("no capacity"));
        });
        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.STOPPED);

        clock.advance(Duration.ofSeconds(5));
        checker.checkNow();
        assertThat(starts(name)).as("no attempt before the backoff is over").isEqualTo(2);

        clock.advance(Duration.ofSeconds(5));
        checker.checkNow();
        assertThat(starts(name)).isEqualTo(3);
        assertThat(checker.report(router.id()).orElseThrow().nextRestart()).contains(T0.plusSeconds(10 + 15));

        clock.advance(Duration.ofSeconds(15));
        checker.checkNow();
        assertThat(starts(name)).isEqualTo(4);
        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.ERROR);
        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.state()).isEqualTo(RouterState.ERROR);
            assertThat(report.failedRestarts()).isEqualTo(3);
        });
        assertThat(harness.manager.lastFailure(router.id())).hasValueSatisfying(failure ->
                assertThat(failure.details()).startsWith("not restarted after 3 attempts"));
        assertThat(metrics.count(RouterHealthChecker.RESTART_METRIC + "{result=gave_up}")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        checker.checkNow();
        assertThat(starts(name)).as("a router in Error is not retried").isEqualTo(4);
    }

    @Test
    void aRouterThatComesBackAfterAFailedRestartIsNoLongerRecovering() {
        DomainRouter router = deploy(false);
        harness.host9.removeVm(router.instanceName());
        harness.host9.failStartOf(router.instanceName());
        harness.host10.failStartOf(router.instanceName());
        checker.checkNow();

        harness.host9.allowStartOf(router.instanceName());
        clock.advance(Duration.ofSeconds(10));
        checker.checkNow();

        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.RUNNING);
        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.restarts()).isEqualTo(1);
            assertThat(report.failedRestarts()).isZero();
        });
    }

    @Test
    void anUnreachableHostIsCountedButNotActedOn() {
        DomainRouter router = deploy(false);
        harness.agents.unregister(ManagerHarness.HOST_9.id());

        checker.checkNow();
        checker.checkNow();

        assertThat(checker.report(router.id())).hasValueSatisfying(report -> {
            assertThat(report.failedChecks()).isEqualTo(2);
            assertThat(report.powerState()).contains(PowerState.UNKNOWN);
            assertThat(report.lastError()).hasValueSatisfying(error -> assertThat(error).contains("host 9"));
        });
        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.RUNNING);
    }

    @Test
    void aStopPendingRouterIsRestartedOnceItsHostIsBack() {
        deploy(true);
        harness.agents.unregister(ManagerHarness.HOST_10.id());
        harness.manager.applyFirewallRules(ManagerHarness.network(ManagerHarness.NETWORK, true),
                List.of(ManagerHarness.sshRule(ManagerHarness.NETWORK)));
        assertThat(harness.dao.findById(2).orElseThrow().stopPending()).isTrue();

        checker.checkNow();
        assertThat(harness.dao.findById(2).orElseThrow().stopPending()).isTrue();

        harness.agents.register(ManagerHarness.HOST_10.id(), harness.host10);
        checker.checkNow();
        DomainRouter back = harness.dao.findById(2).orElseThrow();
        assertThat(back.stopPending()).isFalse();
        assertThat(back.state()).isEqualTo(RouterState.RUNNING);
        assertThat(checker.report(2).orElseThrow().restarts()).isEqualTo(1);
    }

    @Test
    void redundantPairsArePolledAndTwoPrimariesAreReported() {
        deploy(true);
        harness.host9.setVrrpState("r-1-VM", RedundantState.PRIMARY);
        harness.host10.setVrrpState("r-2-VM", RedundantState.BACKUP);

        checker.checkNow();
        assertThat(checker.redundancy()).singleElement().satisfies(report -> {
            assertThat(report.networkId()).isEqualTo(ManagerHarness.NETWORK);
            assertThat(report.states()).isEqualTo(Map.of(1L, RedundantState.PRIMARY, 2L, RedundantState.BACKUP));
            assertThat(report.multiplePrimaries()).isFalse();
        });

        harness.host10.setVrrpState("r-2-VM", RedundantState.PRIMARY);
        checker.checkNow();
        assertThat(checker.redundancy()).singleElement().satisfies(report -> assertThat(report.multiplePrimaries()).isTrue());
        assertThat(checker.report(2).orElseThrow().redundantState()).isEqualTo(RedundantState.PRIMARY);
        assertThat(metrics.count(RouterHealthChecker.MULTIPLE_PRIMARY_METRIC + "{}")).isEqualTo(1);
    }

    @Test
    void aDualPrimaryThatLastsTwoPollsIsEndedByRestartingTheHigherId() {
        deploy(true);
        harness.host9.setVrrpState("r-1-VM", RedundantState.PRIMARY);
        harness.host10.setVrrpState("r-2-VM", RedundantState.PRIMARY);

        checker.checkNow();
        assertThat(checker.redundancy()).singleElement().satisfies(report -> assertThat(report.demoted()).as("one poll may catch a failover")
                .isEmpty());
        assertThat(starts("r-2-VM")).isEqualTo(1);

        checker.checkNow();

        assertThat(checker.redundancy()).singleElement().satisfies(report -> {
            assertThat(report.multiplePrimaries()).isTrue();
            assertThat(report.demoted()).containsExactly(2L);
        });
        assertThat(starts("r-2-VM")).as("restarted").isEqualTo(2);
        assertThat(starts("r-1-VM")).isEqualTo(1);
        assertThat(metrics.count(RouterHealthChecker.DEMOTION_METRIC + "{}")).isEqualTo(1);
    }

    @Test
    void scheduledRoundsRunOnTheExecutorAndATaskThatThrowsIsCountedWithoutStoppingThem() throws Exception {
        DomainRouter router = deploy(true);
        RouterRecovery failingPolls = new RouterRecovery() {
            @Override
            public DomainRouter restart(long routerId) {
                return harness.manager.restart(routerId);
            }

            @Override
            public DomainRouter markError(long routerId, String reason) {
                return harness.manager.markError(routerId, reason);
            }

            @Override
            public List<DomainRouter> refreshRedundantState(long networkId) {
                throw new IllegalStateException("poll broke");
            }
        };
        checker = new RouterHealthChecker(harness.dao, harness.agents, failingPolls, executor, Clock.systemUTC(), metrics, settings);
        harness.host9.removeVm(router.instanceName());

        checker.start();

        waitUntil(() -> checker.taskFailures() >= 3);
        waitUntil(() -> starts(router.instanceName()) == 2);
        assertThat(metrics.count(RouterHealthChecker.TASK_FAILURE_METRIC + "{}")).isGreaterThanOrEqualTo(3);
        checker.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached within 10 s").isLessThan(deadline);
            Thread.sleep(10);
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

    /** Counters by {@code name{tags}}; timers discarded. */
    private static final class CountingMetrics implements Metrics {
        private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

        @Override
        public Timer timer(String name, Map<String, String> tags) {
            return Timer.NOOP;
        }

        @Override
        public Counter counter(String name, Map<String, String> tags) {
            AtomicLong count = counters.computeIfAbsent(name + new java.util.TreeMap<>(tags), key -> new AtomicLong());
            return count::addAndGet;
        }

        long count(String key) {
            AtomicLong count = counters.get(key);
            return count == null ? 0 : count.get();
        }
    }
}
