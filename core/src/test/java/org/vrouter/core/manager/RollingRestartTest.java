package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.manager.ManagerHarness.NETWORK;
import static org.vrouter.core.manager.ManagerHarness.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;

/** {@link RouterManagerImpl#restartInSequence}: BACKUP replaced first, then a failover, then the old PRIMARY. */
class RollingRestartTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ManagerHarness harness = new ManagerHarness();
    private final RouterManagerImpl manager = harness.manager;
    /** What the pair did, in order: "stop r-2-VM", "start r-2-VM"... */
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void close() {
        harness.close();
    }

    private void state(String router, RedundantState state) {
        harness.host9.setVrrpState(router, state);
        harness.host10.setVrrpState(router, state);
    }

    /** Two routers speaking VRRP as keepalived would: a stopped PRIMARY's peer takes over; a started router comes back BACKUP. */
    private void emulateVrrp() {
        List<String> primary = new ArrayList<>(List.of("r-1-VM"));
        state("r-1-VM", RedundantState.PRIMARY);
        state("r-2-VM", RedundantState.BACKUP);
        for (FakeHypervisor host : List.of(harness.host9, harness.host10)) {
            host.onStop(name -> {
                synchronized (events) {
                    events.add("stop " + name);
                    state(name, RedundantState.UNKNOWN);
                    if (primary.get(0).equals(name)) {
                        String peer = name.equals("r-1-VM") ? "r-2-VM" : "r-1-VM";
                        primary.set(0, peer);
                        state(peer, RedundantState.PRIMARY);
                    }
                }
            });
            host.onStart(name -> {
                synchronized (events) {
                    events.add("start " + name);
                    if (!primary.get(0).equals(name)) {
                        state(name, RedundantState.BACKUP);
                    }
                }
            });
        }
    }

    private List<DomainRouter> deployPair() {
        List<DomainRouter> pair = manager.deployRouters(deployment(harness.addNetwork(NETWORK, true)));
        synchronized (events) {
            events.clear();
        }
        return pair;
    }

    @Test
    void replacesTheBackupThenFailsOverThenReplacesTheOldPrimary() {
        deployPair();
        emulateVrrp();

        List<String> steps = manager.restartInSequence(NETWORK, LIMIT);

        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).startsWith("replace BACKUP r-2-VM");
        assertThat(steps.get(1)).startsWith("fail over: stop PRIMARY r-1-VM");
        assertThat(steps.get(2)).startsWith("start the old PRIMARY r-1-VM");
        synchronized (events) {
            assertThat(events).containsExactly("stop r-2-VM", "start r-2-VM", "stop r-1-VM", "start r-1-VM");
        }
        assertThat(manager.refreshRedundantState(NETWORK)).extracting(DomainRouter::instanceName, DomainRouter::redundantState)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("r-1-VM", RedundantState.BACKUP),
                        org.assertj.core.groups.Tuple.tuple("r-2-VM", RedundantState.PRIMARY));
    }

    @Test
    void refusesAPairWithoutOnePrimary() {
        deployPair();
        state("r-1-VM", RedundantState.PRIMARY);
        state("r-2-VM", RedundantState.PRIMARY);

        assertThatThrownBy(() -> manager.restartInSequence(NETWORK, LIMIT)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("restart in sequence");
        synchronized (events) {
            assertThat(events).as("nothing was stopped").isEmpty();
        }
    }

    @Test
    void stopsWhenTheReplacedBackupDoesNotComeBack() {
        deployPair();
        state("r-1-VM", RedundantState.PRIMARY);
        state("r-2-VM", RedundantState.BACKUP);
        harness.host9.onStop(name -> state(name, RedundantState.UNKNOWN));
        harness.host10.onStop(name -> state(name, RedundantState.UNKNOWN));

        assertThatThrownBy(() -> manager.restartInSequence(NETWORK, Duration.ofMillis(500))).isInstanceOf(OperationTimedOutException.class)
                .hasMessageContaining("BACKUP");
        assertThat(harness.dao.findById(1).orElseThrow().isRunning()).as("the PRIMARY was left alone").isTrue();
    }
}
