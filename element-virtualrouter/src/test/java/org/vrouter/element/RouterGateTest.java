package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.element.Fixtures.HOST_DESTINATION;
import static org.vrouter.element.Fixtures.element;
import static org.vrouter.element.Fixtures.ip;
import static org.vrouter.element.Fixtures.network;
import static org.vrouter.element.Fixtures.nic;
import static org.vrouter.element.Fixtures.router;
import static org.vrouter.element.Fixtures.userVm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LbDestination;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.StaticNat;

/**
 * Every change the element sends, in every router state: Running routers take it, Stopped and
 * Stopping routers are skipped, other states refuse it before anything is sent, and a network
 * without routers has nothing to do (or, for a VM's DHCP entry and data, nowhere to put them).
 */
class RouterGateTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    /** One change: how to ask the element for it, and the manager call it becomes. */
    record Change(String name, Consumer<VirtualRouterElement> call, String sent, boolean needsRouter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static FirewallRule ingressRule() {
        return FirewallRule.ingress(11, 5, ip("203.0.113.10"), Protocol.TCP).ports(PortRange.of(22, 22)).build();
    }

    static Stream<Change> changes() {
        Network network = network();
        return Stream.of(
                new Change("applyIps", element -> element.applyIps(network, List.of(Fixtures.sourceNatIp()), Set.of(Service.SOURCE_NAT)),
                        "applyIps network=5 ips=1", false),
                new Change("applyFirewallRules", element -> element.applyFirewallRules(network, List.of(ingressRule())),
                        "applyFirewallRules network=5 rules=1", false),
                new Change("applyPortForwardingRules", element -> element.applyPortForwardingRules(network, List.of(PortForwardingRule.of(12, 5,
                        ip("203.0.113.10"), PortRange.of(80, 80), ip("10.1.1.10"), PortRange.of(8080, 8080), Protocol.TCP))),
                        "applyPortForwardingRules network=5 rules=1", false),
                new Change("applyStaticNats", element -> element.applyStaticNats(network, List.of(StaticNat.of(ip("203.0.113.11"),
                        ip("10.1.1.10"), 5))), "applyStaticNats network=5 rules=1", false),
                new Change("applyLoadBalancingRules", element -> element.applyLoadBalancingRules(network, List.of(lbRule())),
                        "applyLoadBalancingRules network=5 rules=1", false),
                new Change("saveUserData", element -> element.saveUserData(network, nic(), userVm()),
                        "applyVmData network=5 vm=i-2-10-VM password=false", false),
                new Change("saveSshKey", element -> element.saveSshKey(network, nic(), userVm(), "ssh-ed25519 AAAAC3Nza user@host"),
                        "applyVmData network=5 vm=i-2-10-VM password=false", false),
                new Change("saveHypervisorHostname", element -> element.saveHypervisorHostname(network, nic(), userVm(), HOST_DESTINATION),
                        "applyVmData network=5 vm=i-2-10-VM password=false", false),
                new Change("applyVpnUsers", element -> element.applyVpnUsers(Fixtures.vpn(), Fixtures.vpnUsers()),
                        "applyVpnUsers vpn=1 users=2", false),
                new Change("stopVpn", element -> element.stopVpn(Fixtures.vpn()), "stopRemoteAccessVpn vpn=1", false),
                new Change("addDhcpEntry", element -> element.addDhcpEntry(network, nic(), userVm(), HOST_DESTINATION),
                        "applyDhcpEntry network=5 vm=i-2-10-VM ip=10.1.1.10", true),
                new Change("addPasswordAndUserdata", element -> element.addPasswordAndUserdata(network, nic(), userVm(), HOST_DESTINATION),
                        "applyVmData network=5 vm=i-2-10-VM password=false", true));
    }

    static LoadBalancingRule lbRule() {
        return LoadBalancingRule.builder(13, "lb-13", 5, ip("203.0.113.10"), 80, 8080)
                .destinations(List.of(LbDestination.of(ip("10.1.1.10"), 8080)))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void runningRoutersGetTheChange(Change change) {
        manager.with(router(1, RouterState.RUNNING));

        change.call().accept(element(manager));

        assertThat(manager.sent()).containsExactly(change.sent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aStoppedPeerDoesNotHoldBackTheRunningRouter(Change change) {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.STOPPED));

        change.call().accept(element(manager));

        assertThat(manager.sent()).containsExactly(change.sent());
    }

    static Stream<Arguments> changesAndSkippedStates() {
        return changes().flatMap(change -> Stream.of(RouterState.STOPPED, RouterState.STOPPING).map(state -> Arguments.of(change, state)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("changesAndSkippedStates")
    void stoppedRoutersAreSkippedBecauseTheirStartReplaysEverything(Change change, RouterState state) {
        manager.with(router(1, state));

        change.call().accept(element(manager));

        assertThat(manager.sent()).isEmpty();
    }

    static Stream<Arguments> changesAndRefusingStates() {
        return changes().flatMap(change -> Stream.of(RouterState.ERROR, RouterState.STARTING).map(state -> Arguments.of(change, state)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("changesAndRefusingStates")
    void aRouterInAnotherStateRefusesTheChangeBeforeAnyRouterIsChanged(Change change, RouterState state) {
        manager.with(router(1, RouterState.RUNNING), router(2, state));

        assertThatThrownBy(() -> change.call().accept(element(manager)))
                .isInstanceOfSatisfying(InvalidStateException.class, e -> {
                    assertThat(e.object()).isEqualTo("router r-2-VM");
                    assertThat(e.from()).isEqualTo(state.wireName());
                })
                .hasMessageStartingWith("router r-2-VM: cannot ")
                .hasMessageEndingWith(" in state " + state.wireName());
        assertThat(manager.sent()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aNetworkWithoutRoutersHasNothingToDoExceptForAStartingVm(Change change) {
        if (change.needsRouter()) {
            assertThatThrownBy(() -> change.call().accept(element(manager)))
                    .isInstanceOf(ResourceUnavailableException.class)
                    .hasMessageEndingWith("Can't find at least one router!");
        }
        else {
            change.call().accept(element(manager));
        }

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void anEmptyListOfChangesIsNotSent() {
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.applyFirewallRules(network(), List.of());
        element.applyPortForwardingRules(network(), List.of());
        element.applyStaticNats(network(), List.of());
        element.applyLoadBalancingRules(network(), List.of());
        element.applyIps(network(), List.of(), Set.of(Service.SOURCE_NAT));

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void changesForAnotherProvidersServiceAreNotSent() {
        Network network = Fixtures.networkBuilder(Fixtures.offering(Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER,
                Service.LB, Provider.NETSCALER, Service.SOURCE_NAT, Provider.JUNIPER_SRX), false, EgressPolicy.DENY, false)).build();
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.applyLoadBalancingRules(network, List.of(lbRule()));
        element.applyFirewallRules(network, List.of(ingressRule()));
        element.applyIps(network, List.of(Fixtures.sourceNatIp()), Set.of(Service.DHCP, Service.SOURCE_NAT));

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void addressesGoOutWhenTheRouterProvidesEveryServiceTheyServe() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).applyIps(network(), List.of(Fixtures.sourceNatIp()), Set.of(Service.SOURCE_NAT, Service.LB, Service.STATIC_NAT));

        assertThat(manager.sent()).containsExactly("applyIps network=5 ips=1");
    }

    static FirewallRule systemEgressRule() {
        return FirewallRule.egress(0, 5, Protocol.ALL).type(FirewallRule.Type.SYSTEM).build();
    }

    @Test
    void theLoneSystemEgressRuleUnderAnAllowDefaultIsNotSent() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).applyFirewallRules(network(), List.of(systemEgressRule()));

        assertThat(network().offering().egressDefaultPolicy()).isEqualTo(EgressPolicy.ALLOW);
        assertThat(manager.sent()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EgressPolicy.class)
    void theSystemEgressRuleIsSentWithOtherRulesOrUnderADenyDefault(EgressPolicy policy) {
        Network network = Fixtures.networkBuilder(Fixtures.offering(Fixtures.servedBy(Provider.VIRTUAL_ROUTER, Fixtures.ALL_VR_SERVICES),
                false, policy, false)).build();
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.applyFirewallRules(network, List.of(systemEgressRule(), FirewallRule.egress(14, 5, Protocol.TCP).build()));
        element.applyFirewallRules(network, List.of(systemEgressRule()));

        assertThat(manager.sent()).containsExactlyElementsOf(policy.isAllow()
                ? List.of("applyFirewallRules network=5 rules=2")
                : List.of("applyFirewallRules network=5 rules=2", "applyFirewallRules network=5 rules=1"));
    }
}
