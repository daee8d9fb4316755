package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.manager.ManagerHarness.NETWORK;
import static org.vrouter.core.manager.ManagerHarness.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.error.AgentUnavailableException;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.router.UpdateState;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.VpnUsersCfgCommand;

/** The appliers of the router manager, by router state (management-side §5.1). */
class RouterDispatchTest {
    private final ManagerHarness harness = new ManagerHarness();
    private final RouterManagerImpl manager = harness.manager;

    @AfterEach
    void close() {
        harness.close();
    }

    private static FirewallRule httpRule() {
        return FirewallRule.ingress(18, NETWORK, ManagerHarness.sourceNat(NETWORK).address(), Protocol.TCP).ports(PortRange.of(80)).build();
    }

    private DomainRouter deploy(Network network) {
        DomainRouter router = manager.deployRouters(deployment(network)).get(0);
        harness.host9.clear();
        harness.host10.clear();
        return router;
    }

    @Test
    void aRunningRouterGetsTheRules() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);

        manager.applyFirewallRules(network, List.of(httpRule()));

        assertThat(harness.host9.commandsFor(router.instanceName(), SetFirewallRulesCommand.class)).singleElement()
                .satisfies(command -> assertThat(command.rules()).hasSize(1));
    }

    @Test
    void stoppedRoutersAreSkippedBecauseTheirStartReplaysEverything() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);
        manager.stop(router.id(), false);
        harness.host9.clear();

        manager.applyFirewallRules(network, List.of(httpRule()));
        manager.applyPortForwardingRules(network, List.of(PortForwardingRule.of(30, NETWORK, ManagerHarness.sourceNat(NETWORK).address(),
                PortRange.of(2222), IpAddress.parse("10.1.4.11"), PortRange.of(22), Protocol.TCP)));

        assertThat(harness.host9.executed()).isEmpty();
    }

    @Test
    void aRouterInAnyOtherStateIsAnInvalidState() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);
        manager.markError(router.id(), "broken");

        assertThatThrownBy(() -> manager.applyFirewallRules(network, List.of(httpRule())))
                .isInstanceOfSatisfying(InvalidStateException.class, e -> assertThat(e.from()).isEqualTo("Error"))
                .hasMessage("router r-1-VM: cannot apply firewall rules in state Error");
        assertThat(harness.host9.executed()).isEmpty();
    }

    @Test
    void aFailedAnswerIsACommandFailureNamingRouterCommandAndDetails() {
        Network network = harness.addNetwork(NETWORK, false);
        deploy(network);
        harness.host9.failCommands(SetPortForwardingRulesCommand.class::isInstance);
        PortForwardingRule forward = PortForwardingRule.of(30, NETWORK, ManagerHarness.sourceNat(NETWORK).address(), PortRange.of(2222),
                IpAddress.parse("10.1.4.11"), PortRange.of(22), Protocol.TCP);

        assertThatThrownBy(() -> manager.applyPortForwardingRules(network, List.of(forward)))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.routerName()).contains("r-1-VM");
                    assertThat(e.commandId()).contains("portForwarding");
                    assertThat(e.details()).contains("scripted failure");
                });
    }

    @Test
    void emptyListsAndNetworksWithoutRoutersSendNothing() {
        Network network = harness.addNetwork(NETWORK, false);

        manager.applyFirewallRules(network, List.of(httpRule()));
        deploy(network);
        manager.applyFirewallRules(network, List.of());
        manager.applyIps(network, List.of());

        assertThat(harness.host9.executed()).isEmpty();
    }

    @Test
    void firewallRulesOfAnotherPurposeAreRefused() {
        Network network = harness.addNetwork(NETWORK, false);
        FirewallRule loadBalancing = FirewallRule.ingress(19, NETWORK, ManagerHarness.sourceNat(NETWORK).address(), Protocol.TCP)
                .ports(PortRange.of(80)).purpose(Purpose.LOAD_BALANCING).build();

        assertThatThrownBy(() -> manager.applyFirewallRules(network, List.of(httpRule(), loadBalancing)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("rules[1].purpose"));
    }

    @Test
    void ipAssociationNamesTheRoutersPublicNic() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);

        manager.applyIps(network, List.of(ManagerHarness.sourceNat(NETWORK)));

        IpAssocCommand command = harness.host9.commandsFor(router.instanceName(), IpAssocCommand.class).get(0);
        assertThat(command.ipAddresses().get(0).vifMacAddress()).isPresent();
    }

    @Test
    void vmDataSendsThePendingPasswordFirstAndStopsAtAFailure() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);
        VirtualMachineProfile vm = ManagerHarness.guest(NETWORK, 12).withSecrets(Optional.of(Secret.of("s3cret-Pw")), Optional.empty(),
                Optional.empty());

        manager.applyDhcpEntry(network, vm, vm.nics().get(0));
        manager.applyVmData(network, vm, vm.nics().get(0));

        assertThat(harness.host9.commandsFor(router.instanceName())).containsExactly(SetDhcpConfigCommand.class, SavePasswordCommand.class,
                VmDataCommand.class);
        harness.host9.clear();
        harness.host9.failCommands(SavePasswordCommand.class::isInstance);
        assertThatThrownBy(() -> manager.applyVmData(network, vm, vm.nics().get(0))).isInstanceOf(CommandFailedException.class);
        assertThat(harness.host9.commandsFor(router.instanceName())).containsExactly(SavePasswordCommand.class);
    }

    @Test
    void startingAVpnNeedsRunningRoutersAndSendsUsersThenTheServer() {
        Network network = harness.addNetwork(NETWORK, false);
        DomainRouter router = deploy(network);
        RemoteAccessVpn vpn = RemoteAccessVpn.forNetwork(5, NETWORK, ManagerHarness.sourceNat(NETWORK).address(),
                IpRange.parse("ip_range", "10.1.9.1-10.1.9.8"), Secret.of("psk-123"), IpAddress.parse("10.1.4.1"), Cidr.parse("10.1.4.0/24"));
        List<VpnUser> users = List.of(VpnUser.of("alice", Secret.of("alice-pw")));

        manager.startRemoteAccessVpn(vpn, users);

        assertThat(harness.host9.commandsFor(router.instanceName())).containsExactly(VpnUsersCfgCommand.class, RemoteAccessVpnCfgCommand.class);
        manager.stop(router.id(), false);
        assertThatThrownBy(() -> manager.startRemoteAccessVpn(vpn, users)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("Stopped");
        manager.stopRemoteAccessVpn(vpn);
    }

    @Test
    void aFailureOnOneRouterStillLetsItsPeerTakeTheChange() {
        Network network = harness.addNetwork(NETWORK, true);
        List<DomainRouter> pair = manager.deployRouters(deployment(network));
        harness.host9.clear();
        harness.host10.clear();
        harness.host9.failCommands(SetFirewallRulesCommand.class::isInstance);

        assertThatThrownBy(() -> manager.applyFirewallRules(network, List.of(httpRule())))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> assertThat(e.routerName()).contains("r-1-VM"));

        assertThat(pair).extracting(router -> router.hostId().getAsLong()).containsExactly(9L, 10L);
        assertThat(harness.host10.commandsFor("r-2-VM", SetFirewallRulesCommand.class)).hasSize(1);
    }

    @Test
    void aggregationWrapsAChangeAndAnInSequenceUpdateMarksTheFirstRouterComplete() {
        Network network = harness.addNetwork(NETWORK, true).toBuilder().details(Map.of(Network.DETAIL_UPDATING_IN_SEQUENCE, "true")).build();
        List<DomainRouter> pair = manager.deployRouters(deployment(network));
        harness.host9.clear();

        manager.prepareAggregatedExecution(network, ManagerHarness.destination(ManagerHarness.HOST_9));
        manager.completeAggregatedExecution(network, ManagerHarness.destination(ManagerHarness.HOST_9));

        assertThat(harness.host9.commandsFor("r-1-VM", AggregationControlCommand.class)).extracting(AggregationControlCommand::action)
                .containsExactly(AggregationControlCommand.Action.START, AggregationControlCommand.Action.FINISH);
        assertThat(harness.dao.findById(pair.get(0).id()).orElseThrow().updateState()).isEqualTo(UpdateState.UPDATE_COMPLETE);
        assertThat(harness.dao.findById(pair.get(1).id()).orElseThrow().updateState()).isEqualTo(UpdateState.NONE);

        harness.host10.failCommands(AggregationControlCommand.class::isInstance);
        assertThatThrownBy(() -> manager.completeAggregatedExecution(network, ManagerHarness.destination(ManagerHarness.HOST_9)))
                .isInstanceOf(CommandFailedException.class);
        assertThat(harness.dao.list()).extracting(DomainRouter::updateState).containsOnly(UpdateState.UPDATE_FAILED);
    }

    @Test
    void aNonRedundantRouterOnAnUnreachableHostFailsTheApply() {
        Network network = harness.addNetwork(NETWORK, false);
        deploy(network);
        harness.agents.unregister(ManagerHarness.HOST_9.id());

        assertThatThrownBy(() -> manager.applyFirewallRules(network, List.of(httpRule())))
                .isInstanceOfSatisfying(AgentUnavailableException.class, e -> assertThat(e.hostId()).isEqualTo(9));
    }

    @Test
    void aRedundantRouterThatMissedAnUpdateIsMarkedStopPendingAndRefusedUntilStopped() {
        Network network = harness.addNetwork(NETWORK, true);
        List<DomainRouter> pair = manager.deployRouters(deployment(network));
        DomainRouter onHost10 = pair.stream().filter(router -> router.hostId().getAsLong() == 10).findFirst().orElseThrow();
        harness.agents.unregister(ManagerHarness.HOST_10.id());

        manager.applyFirewallRules(network, List.of(httpRule()));

        DomainRouter missed = harness.dao.findById(onHost10.id()).orElseThrow();
        assertThat(missed.stopPending()).isTrue();
        assertThat(missed.state()).isEqualTo(RouterState.RUNNING);
        assertThatThrownBy(() -> manager.applyFirewallRules(network, List.of(httpRule())))
                .isInstanceOfSatisfying(ResourceUnavailableException.class, e -> assertThat(e.routerName()).contains(missed.instanceName()))
                .hasMessageContaining("stop-pending");
        assertThat(manager.stop(missed.id(), true).stopPending()).isFalse();
    }
}
