package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.core.manager.ManagerHarness.NETWORK;
import static org.vrouter.core.manager.ManagerHarness.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterState;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.StartCommand;

/** Redundant pairs: deployment of both routers, and polling their VRRP state. */
class RedundantStatePollerTest {
    private final ManagerHarness harness = new ManagerHarness();
    private final RouterManagerImpl manager = harness.manager;

    @AfterEach
    void close() {
        harness.close();
    }

    private List<DomainRouter> deployPair() {
        Network network = harness.addNetwork(NETWORK, true);
        return manager.deployRouters(deployment(network));
    }

    @Test
    void aRedundantOfferingGetsAPairOnTwoHostsFirstOnePrimary() {
        List<DomainRouter> pair = deployPair();

        assertThat(pair).extracting(DomainRouter::state).containsExactly(RouterState.RUNNING, RouterState.RUNNING);
        assertThat(pair).extracting(DomainRouter::redundant).containsExactly(true, true);
        assertThat(pair).extracting(router -> router.hostId().getAsLong()).containsExactly(9L, 10L);
        assertThat(pair).extracting(DomainRouter::redundantState).containsExactly(RedundantState.PRIMARY, RedundantState.BACKUP);
        StartCommand second = harness.host10.commandsFor("r-2-VM", StartCommand.class).get(0);
        assertThat(second.vm().bootArgs().redundantRouter()).isTrue();
        assertThat(second.vm().bootArgs().redundantState()).contains(RedundantState.BACKUP);
    }

    @Test
    void concurrentDeploymentsOfOneNetworkCreateOnlyThePair() throws Exception {
        Network network = harness.addNetwork(NETWORK, true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<List<DomainRouter>>> deployments = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deployments.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return manager.deployRouters(deployment(network));
                }, threads));
            }
            go.countDown();

            for (CompletableFuture<List<DomainRouter>> deployment : deployments) {
                assertThat(deployment.get(20, TimeUnit.SECONDS)).hasSize(2);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(harness.dao.list()).extracting(DomainRouter::id).containsExactly(1L, 2L);
        assertThat(harness.host9.commandsFor("r-1-VM", StartCommand.class)).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refreshingStoresEachRoutersVrrpState() {
        deployPair();
        harness.host9.setVrrpState("r-1-VM", RedundantState.BACKUP);
        harness.host10.setVrrpState("r-2-VM", RedundantState.PRIMARY);

        List<DomainRouter> refreshed = manager.refreshRedundantState(NETWORK);

        assertThat(refreshed).extracting(DomainRouter::redundantState).containsExactly(RedundantState.BACKUP, RedundantState.PRIMARY);
        assertThat(harness.dao.findById(2).orElseThrow().redundantState()).isEqualTo(RedundantState.PRIMARY);
        assertThat(harness.host9.commandsFor("r-1-VM", CheckRouterCommand.class)).hasSize(1);
        assertThat(RouterManagerImpl.hasMultiplePrimaries(refreshed)).isFalse();
    }

    @Test
    void twoPrimariesAreDetected() {
        deployPair();
        harness.host9.setVrrpState("r-1-VM", RedundantState.PRIMARY);
        harness.host10.setVrrpState("r-2-VM", RedundantState.PRIMARY);

        List<DomainRouter> refreshed = manager.refreshRedundantState(NETWORK);

        assertThat(refreshed).extracting(DomainRouter::redundantState).containsExactly(RedundantState.PRIMARY, RedundantState.PRIMARY);
        assertThat(RouterManagerImpl.hasMultiplePrimaries(refreshed)).isTrue();
    }

    @Test
    void aRouterThatCannotAnswerOrIsStoppedIsUnknown() {
        List<DomainRouter> pair = deployPair();
        harness.host9.setVrrpState("r-1-VM", RedundantState.FAULT);
        harness.agents.unregister(ManagerHarness.HOST_10.id());

        List<DomainRouter> refreshed = manager.refreshRedundantState(NETWORK);

        assertThat(refreshed).extracting(DomainRouter::redundantState).containsExactly(RedundantState.FAULT, RedundantState.UNKNOWN);
        manager.stop(pair.get(0).id(), true);
        assertThat(manager.refreshRedundantState(NETWORK)).extracting(DomainRouter::redundantState)
                .containsExactly(RedundantState.UNKNOWN, RedundantState.UNKNOWN);
        assertThat(harness.host9.commandsFor("r-1-VM", CheckRouterCommand.class)).hasSize(1);
    }

    @Test
    void nonRedundantRoutersAreLeftAlone() {
        Network network = harness.addNetwork(NETWORK, false);
        List<DomainRouter> routers = manager.deployRouters(deployment(network));

        assertThat(manager.refreshRedundantState(NETWORK)).isEqualTo(routers);
        assertThat(harness.host9.commandsFor("r-1-VM", CheckRouterCommand.class)).isEmpty();
    }
}
