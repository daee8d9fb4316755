package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.manager.ManagerHarness.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.ConcurrentOperationException;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.StopCommand;

/** Operations on one router are serialized, on different routers they run in parallel. */
class KeyedLocksTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private ManagerHarness harness = new ManagerHarness();

    @AfterEach
    void close() {
        harness.releaseAll();
        threads.shutdownNow();
        harness.close();
    }

    private DomainRouter deploy(long networkId) {
        Network network = harness.addNetwork(networkId, false);
        return harness.manager.deployRouters(deployment(network)).get(0);
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aStopWaitsForTheRulesBeingAppliedToTheSameRouter() throws Exception {
        DomainRouter router = deploy(204);
        harness.host9.holdCommands(SetFirewallRulesCommand.class::isInstance, Duration.ZERO);
        harness.host9.holdUntilReleased();
        Network network = ManagerHarness.network(204, false);

        CompletableFuture<Void> rules = CompletableFuture.runAsync(
                () -> harness.manager.applyFirewallRules(network, List.of(ManagerHarness.sshRule(204))), threads);
        waitUntil(() -> harness.host9.inFlightNow() == 1);
        CompletableFuture<DomainRouter> stop = CompletableFuture.supplyAsync(() -> harness.manager.stop(router.id(), false), threads);
        Thread.sleep(200);

        assertThat(harness.host9.commandsFor(router.instanceName(), StopCommand.class)).isEmpty();
        harness.host9.releaseHeld();
        rules.get(10, TimeUnit.SECONDS);
        assertThat(stop.get(10, TimeUnit.SECONDS).state()).isEqualTo(RouterState.STOPPED);
        assertThat(harness.host9.maxInFlight(router.instanceName())).isEqualTo(1);
    }

    @Test
    void twoRoutersTakeTheirRulesAtTheSameTime() throws Exception {
        DomainRouter first = deploy(204);
        DomainRouter second = deploy(205);
        harness.host9.clear();
        harness.host9.holdCommands(SetFirewallRulesCommand.class::isInstance, Duration.ZERO);
        harness.host9.holdUntilReleased();

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> harness.manager.applyFirewallRules(ManagerHarness.network(204, false),
                List.of(ManagerHarness.sshRule(204))), threads);
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> harness.manager.applyFirewallRules(ManagerHarness.network(205, false),
                List.of(ManagerHarness.sshRule(205))), threads);

        waitUntil(() -> harness.host9.inFlightNow() == 2);
        harness.host9.releaseHeld();
        one.get(10, TimeUnit.SECONDS);
        two.get(10, TimeUnit.SECONDS);
        assertThat(harness.host9.commandsFor(first.instanceName(), SetFirewallRulesCommand.class)).hasSize(1);
        assertThat(harness.host9.commandsFor(second.instanceName(), SetFirewallRulesCommand.class)).hasSize(1);
    }

    @Test
    void aWaiterGivesUpAfterTheLockTimeout() throws Exception {
        harness.close();
        harness = new ManagerHarness(RouterManagerSettings.builder(Map.of(HypervisorType.SIMULATOR, ManagerHarness.TEMPLATE))
                .startWait(Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofMillis(20))
                .lockTimeout(Duration.ofMillis(100))
                .build());
        DomainRouter router = deploy(204);
        harness.host9.holdCommands(StopCommand.class::isInstance, Duration.ZERO);
        harness.host9.holdUntilReleased();
        CompletableFuture<DomainRouter> stop = CompletableFuture.supplyAsync(() -> harness.manager.stop(router.id(), false), threads);
        waitUntil(() -> harness.host9.inFlightNow() == 1);

        assertThatThrownBy(() -> harness.manager.reboot(router.id())).isInstanceOf(ConcurrentOperationException.class)
                .hasMessageContaining("router " + router.id());

        harness.host9.releaseHeld();
        assertThat(stop.get(10, TimeUnit.SECONDS).state()).isEqualTo(RouterState.STOPPED);
    }
}
