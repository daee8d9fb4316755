package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.manager.ManagerHarness.NETWORK;
import static org.vrouter.core.manager.ManagerHarness.deployment;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.VmDataCommand;

class RouterManagerImplTest {
    private final ManagerHarness harness = new ManagerHarness();
    private final RouterManagerImpl manager = harness.manager;

    @AfterEach
    void close() {
        harness.close();
    }

    private DomainRouter deployOne() {
        Network network = harness.addNetwork(NETWORK, false);
        List<DomainRouter> routers = manager.deployRouters(deployment(network));
        assertThat(routers).hasSize(1);
        return routers.get(0);
    }

    @Test
    void deploysAndStartsARouterWithStartThenReachabilityThenOneConfigurationBatch() {
        DomainRouter router = deployOne();

        assertThat(router.state()).isEqualTo(RouterState.RUNNING);
        assertThat(harness.host9.commandsFor(router.instanceName())).containsExactly(
                StartCommand.class,
                CheckSshCommand.class,
                // the start batch
                CheckSshCommand.class, GetDomRVersionCommand.class, AggregationControlCommand.class, IpAssocCommand.class,
                SetFirewallRulesCommand.class, SetMonitorServiceCommand.class, SetDhcpConfigCommand.class, VmDataCommand.class,
                AggregationControlCommand.class);
    }

    @Test
    void storesWhatTheStartTaughtAboutTheRouter() {
        DomainRouter router = deployOne();

        assertThat(harness.dao.findById(router.id())).contains(router);
        assertThat(router.hostId()).hasValue(ManagerHarness.HOST_9.id());
        assertThat(router.controlIp()).isPresent();
        assertThat(router.publicIp()).contains(IpAddress.parse("203.0.113.23"));
        assertThat(router.guestIp(NETWORK)).contains(IpAddress.parse("10.1.4.1"));
        assertThat(router.templateVersion()).contains("Cloudstack Release 4.19.0");
        assertThat(router.scriptsVersion()).contains("1d5f2c");
        assertThat(manager.lastFailure(router.id())).isEmpty();
    }

    @Test
    void bootsTheRouterWithTheGurusBootArgumentsAndNicsAndTheRouterMacOnItsAddresses() {
        DomainRouter router = deployOne();

        StartCommand start = harness.host9.commandsFor(router.instanceName(), StartCommand.class).get(0);
        assertThat(start.vm().name()).isEqualTo(router.instanceName());
        assertThat(start.vm().bootArg("name")).contains(router.instanceName());
        assertThat(start.vm().nics()).hasSize(3);
        IpAssocCommand association = harness.host9.commandsFor(router.instanceName(), IpAssocCommand.class).get(0);
        assertThat(association.ipAddresses().get(0).vifMacAddress()).contains(start.vm().nic(2).orElseThrow().macAddress());
    }

    @Test
    void aSecondDeploymentOfTheSameNetworkCreatesNothing() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter first = manager.deployRouters(deployment(network)).get(0);

        List<DomainRouter> again = manager.deployRouters(deployment(network));

        assertThat(again).containsExactly(first);
        assertThat(harness.host9.commandsFor(first.instanceName(), StartCommand.class)).hasSize(1);
    }

    @Test
    void waitsForSshWithRetriesBeforeConfiguring() {
        harness.host9.unreachableFor(3);

        DomainRouter router = deployOne();

        assertThat(router.isRunning()).isTrue();
        assertThat(harness.host9.commandsFor(router.instanceName()).subList(0, 6)).containsExactly(StartCommand.class,
                CheckSshCommand.class, CheckSshCommand.class, CheckSshCommand.class, CheckSshCommand.class, CheckSshCommand.class);
        assertThat(harness.host9.commandsFor(router.instanceName()).get(6)).isEqualTo(GetDomRVersionCommand.class);
    }

    @Test
    void aRouterThatNeverAcceptsSshIsStoppedAndTheStartFails() {
        Network network = harness.addNetwork(NETWORK, false);
        harness.host9.unreachableFor(Integer.MAX_VALUE);

        assertThatThrownBy(() -> manager.deployRouters(deployment(network)))
                .isInstanceOfSatisfying(ResourceUnavailableException.class, e -> assertThat(e.routerName()).contains("r-1-VM"))
                .hasMessageContaining("did not accept SSH");

        DomainRouter router = harness.dao.findById(1).orElseThrow();
        assertThat(router.state()).isEqualTo(RouterState.STOPPED);
        assertThat(router.hostId()).isEmpty();
        assertThat(harness.host9.commandsFor("r-1-VM", StopCommand.class)).singleElement().satisfies(stop -> assertThat(stop.forced()).isTrue());
        assertThat(harness.host9.commandsFor("r-1-VM")).doesNotContain(GetDomRVersionCommand.class);
        assertThat(manager.lastFailure(1)).hasValueSatisfying(failure -> assertThat(failure.details()).contains("did not accept SSH"));
    }

    @Test
    void aFailedAnswerInTheStartBatchStopsTheRouterAndNamesTheCommand() {
        Network network = harness.addNetwork(NETWORK, false);
        harness.host9.failCommands(SetFirewallRulesCommand.class::isInstance);

        assertThatThrownBy(() -> manager.deployRouters(deployment(network)))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.routerName()).contains("r-1-VM");
                    assertThat(e.commandId()).contains("firewallIngress:204");
                    assertThat(e.commandClass()).isEqualTo(SetFirewallRulesCommand.class.getName());
                    assertThat(e.details()).isEqualTo("scripted failure of SetFirewallRulesCommand");
                });

        assertThat(harness.dao.findById(1).orElseThrow().state()).isEqualTo(RouterState.STOPPED);
        List<Class<?>> sent = harness.host9.commandsFor("r-1-VM");
        assertThat(sent.get(sent.size() - 1)).isEqualTo(StopCommand.class);
        assertThat(sent).doesNotContain(SetMonitorServiceCommand.class, SetDhcpConfigCommand.class);
        assertThat(manager.lastFailure(1)).hasValueSatisfying(failure -> {
            assertThat(failure.operation()).isEqualTo("start");
            assertThat(failure.commandId()).contains("firewallIngress:204");
            assertThat(failure.commandClass()).contains(SetFirewallRulesCommand.class.getName());
        });
    }

    @Test
    void aFailedStartCommandFailsTheStartAndLeavesTheRouterStopped() {
        Network network = harness.addNetwork(NETWORK, false);
        harness.host9.failStartOf("r-1-VM");
        harness.host10.failStartOf("r-1-VM");

        assertThatThrownBy(() -> manager.deployRouters(deployment(network)))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.commandId()).contains("start"));

        assertThat(harness.dao.findById(1).orElseThrow().state()).isEqualTo(RouterState.STOPPED);
    }

    @Test
    void aStoppedRouterStartsAgainAndReplaysItsConfiguration() {
        DomainRouter router = deployOne();
        manager.stop(router.id(), false);
        harness.host9.clear();

        DomainRouter started = manager.start(router.id());

        assertThat(started.state()).isEqualTo(RouterState.RUNNING);
        assertThat(started.hostId()).hasValue(ManagerHarness.HOST_9.id());
        assertThat(harness.host9.commandsFor(router.instanceName())).contains(StartCommand.class, SetFirewallRulesCommand.class,
                SetDhcpConfigCommand.class);
    }

    @Test
    void startingARunningRouterReturnsItAsItIs() {
        DomainRouter router = deployOne();
        harness.host9.clear();

        assertThat(manager.start(router.id())).isEqualTo(router);
        assertThat(harness.host9.executed()).isEmpty();
    }

    @Test
    void gracefulStopSendsAStopCommandAndGivesTheHostUp() {
        DomainRouter router = deployOne();

        DomainRouter stopped = manager.stop(router.id(), false);

        assertThat(stopped.state()).isEqualTo(RouterState.STOPPED);
        assertThat(stopped.hostId()).isEmpty();
        assertThat(harness.host9.commandsFor(router.instanceName(), StopCommand.class)).singleElement()
                .satisfies(stop -> assertThat(stop.forced()).isFalse());
        assertThat(manager.stop(router.id(), false)).isEqualTo(stopped);
    }

    @Test
    void aGracefulStopTheHostRefusesLeavesTheRouterRunning() {
        DomainRouter router = deployOne();
        harness.host9.failStops(true);

        assertThatThrownBy(() -> manager.stop(router.id(), false)).isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("guest did not shut down");

        assertThat(harness.dao.findById(router.id()).orElseThrow().state()).isEqualTo(RouterState.RUNNING);
    }

    @Test
    void aForcedStopStopsEvenWhenTheHostDoesNotConfirm() {
        DomainRouter router = deployOne();
        harness.host9.failStops(true);

        DomainRouter stopped = manager.stop(router.id(), true);

        assertThat(stopped.state()).isEqualTo(RouterState.STOPPED);
    }

    @Test
    void rebootStopsAndStartsARunningRouterAndRefusesAStoppedOne() {
        DomainRouter router = deployOne();

        DomainRouter rebooted = manager.reboot(router.id());

        assertThat(rebooted.state()).isEqualTo(RouterState.RUNNING);
        assertThat(harness.host9.commandsFor(router.instanceName(), StartCommand.class)).hasSize(2);
        manager.stop(router.id(), true);
        assertThatThrownBy(() -> manager.reboot(router.id()))
                .isInstanceOfSatisfying(InvalidStateException.class, e -> assertThat(e.from()).isEqualTo("Stopped"))
                .hasMessage("router r-1-VM: cannot reboot in state Stopped");
    }

    @Test
    void illegalTransitionsAreRejectedAndChangeNothing() {
        DomainRouter router = deployOne();
        DomainRouter failed = manager.markError(router.id(), "gave up");

        assertThatThrownBy(() -> manager.start(router.id())).isInstanceOf(InvalidStateException.class)
                .hasMessage("router r-1-VM: cannot start in state Error");
        assertThatThrownBy(() -> harness.dao.update(failed.withState(RouterState.RUNNING))).isInstanceOf(InvalidStateException.class)
                .hasMessage("router r-1-VM: illegal state transition from Error to Running");
        assertThat(harness.dao.findById(router.id())).contains(failed);
        assertThat(manager.lastFailure(router.id())).hasValueSatisfying(failure -> assertThat(failure.details()).isEqualTo("gave up"));
    }

    @Test
    void destroyStopsTheRouterAndRemovesIt() {
        DomainRouter router = deployOne();

        manager.destroy(router.id());

        assertThat(harness.dao.findById(router.id())).isEmpty();
        assertThat(manager.routers(NETWORK)).isEmpty();
        assertThat(harness.host9.commandsFor(router.instanceName(), StopCommand.class)).singleElement()
                .satisfies(stop -> assertThat(stop.forced()).isTrue());
        manager.destroy(router.id());
        manager.destroy(4711);
    }

    @Test
    void anUnknownRouterIsAnInvalidParameter() {
        assertThatThrownBy(() -> manager.stop(4711, false)).hasMessageContaining("router_id").hasMessageContaining("4711");
    }
}
