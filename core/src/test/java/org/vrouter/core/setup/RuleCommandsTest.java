package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.setup.SetupFixtures.ALL_SERVICES;
import static org.vrouter.core.setup.SetupFixtures.NETWORK_ID;
import static org.vrouter.core.setup.SetupFixtures.SOURCE_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.STATIC_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.offering;
import static org.vrouter.core.setup.SetupFixtures.publicIp;
import static org.vrouter.core.setup.SetupFixtures.router;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.HealthCheckPolicy;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.rule.LbDestination;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.RuleState;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.rule.StickinessPolicy;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.to.AclAction;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.LbCookieStickinessTO;
import org.vrouter.commands.to.LbDestinationTO;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;
import org.vrouter.commands.to.StaticRouteTO;

class RuleCommandsTest {
    private static final Map<String, String> NETWORK_DETAILS = Map.of(
            AccessDetails.ROUTER_IP, "169.254.3.44",
            AccessDetails.ROUTER_GUEST_IP, "10.1.1.1",
            AccessDetails.ROUTER_NAME, "r-12-VM",
            AccessDetails.ZONE_NETWORK_TYPE, "Advanced");

    private final CommandSetupHelper helper = new CommandSetupHelper();

    private static Network allowByDefault() {
        return network(offering(EgressPolicy.ALLOW, false, ALL_SERVICES));
    }

    private static FirewallRule ssh() {
        return FirewallRule.ingress(17, NETWORK_ID, SOURCE_NAT_IP, Protocol.TCP).ports(PortRange.of(22))
                .sourceCidrs(List.of(Cidr.parse("0.0.0.0/0"))).state(RuleState.ACTIVE).build();
    }

    @Test
    void startEgressLeadsWithASystemRuleUnderAnAllowByDefaultOffering() {
        FirewallRule blockSmtp = FirewallRule.egress(18, NETWORK_ID, Protocol.TCP).ports(PortRange.of(25)).build();

        SetFirewallRulesCommand command = helper.createEgressFirewallCommand(router(), allowByDefault(), List.of(blockSmtp));

        FirewallRuleTO system = command.rules().get(0);
        assertThat(system.type()).isEqualTo(FirewallRule.Type.SYSTEM);
        assertThat(system.trafficType()).isEqualTo(Direction.EGRESS);
        assertThat(system.protocol()).isEqualTo(Protocol.ALL);
        assertThat(system.sourceCidrs()).containsExactly(Cidr.parse("10.1.1.0/24"));
        assertThat(system.destCidrs()).containsExactly(Cidr.parse("0.0.0.0/0"));
        assertThat(system.srcIp()).isEmpty();
        assertThat(command.rules().get(1).id()).isEqualTo(18);
        assertThat(command.rules()).extracting(FirewallRuleTO::defaultEgressPolicy).containsOnly(true);
        assertThat(command.accessDetails().require(AccessDetails.FIREWALL_EGRESS_DEFAULT)).isEqualTo("System");
    }

    @Test
    void startEgressUnderADenyByDefaultOfferingHasNoSystemRule() {
        FirewallRule allowWeb = FirewallRule.egress(18, NETWORK_ID, Protocol.TCP).ports(PortRange.of(80)).build();

        SetFirewallRulesCommand command = helper.createEgressFirewallCommand(router(), network(), List.of(allowWeb));

        assertThat(command.rules()).extracting(FirewallRuleTO::id).containsExactly(18L);
        assertThat(command.rules().get(0).defaultEgressPolicy()).isFalse();
        assertThat(command.accessDetails().values()).containsAllEntriesOf(NETWORK_DETAILS)
                .containsEntry(AccessDetails.FIREWALL_EGRESS_DEFAULT, "false").hasSize(5);
    }

    @Test
    void ingressRulesCarryTheirPublicIpAndNoEgressPolicy() {
        FirewallRule revoked = FirewallRule.ingress(19, NETWORK_ID, SOURCE_NAT_IP, Protocol.ICMP)
                .icmp(new org.vrouter.api.rule.Icmp(8, 0)).state(RuleState.REVOKE).build();

        SetFirewallRulesCommand command = helper.createFirewallRulesCommand(router(), allowByDefault(), List.of(ssh(), revoked));

        FirewallRuleTO first = command.rules().get(0);
        assertThat(first.srcIp()).contains(SOURCE_NAT_IP);
        assertThat(first.srcPortRange()).contains(PortRange.of(22));
        assertThat(first.alreadyAdded()).isTrue();
        assertThat(first.revoked()).isFalse();
        assertThat(first.defaultEgressPolicy()).isFalse();
        assertThat(first.guestCidr()).contains(Cidr.parse("10.1.1.0/24"));
        assertThat(first.purpose()).isEqualTo(Purpose.FIREWALL);
        FirewallRuleTO second = command.rules().get(1);
        assertThat(second.revoked()).isTrue();
        assertThat(second.icmpType()).hasValue(8);
        assertThat(second.icmpCode()).hasValue(0);
        assertThat(command.accessDetails().require(AccessDetails.FIREWALL_EGRESS_DEFAULT)).isEqualTo("true");
    }

    @Test
    void portForwardingMapsRulesAndFlagsVpcTiers() {
        PortForwardingRule rule = new PortForwardingRule(30, SOURCE_NAT_IP, PortRange.of(2222), IpAddress.parse("10.1.1.13"),
                PortRange.of(22), Protocol.TCP, List.of(Cidr.parse("198.51.100.0/24")), RuleState.REVOKE, NETWORK_ID);

        SetPortForwardingRulesCommand command = helper.createPortForwardingRulesCommand(router(), network(), List.of(rule));

        assertThat(command.rules()).containsExactly(new PortForwardingRuleTO(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2222),
                IpAddress.parse("10.1.1.13"), PortRange.of(22), true, false, List.of(Cidr.parse("198.51.100.0/24"))));
        assertThat(command.vpc()).isFalse();
        assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
    }

    @Test
    void oneToOneStaticNatHasNoProtocolOrPorts() {
        SetStaticNatRulesCommand command = helper.createStaticNatCommand(router(), network(),
                List.of(StaticNat.of(STATIC_NAT_IP, IpAddress.parse("10.1.1.11"), NETWORK_ID),
                        new StaticNat(IpAddress.parse("203.0.113.22"), IpAddress.parse("10.1.1.12"), NETWORK_ID, true)));

        assertThat(command.rules()).containsExactly(
                StaticNatRuleTO.oneToOne(STATIC_NAT_IP, IpAddress.parse("10.1.1.11")),
                StaticNatRuleTO.oneToOne(IpAddress.parse("203.0.113.22"), IpAddress.parse("10.1.1.12")).revoke());
        assertThat(command.vpcId()).isEmpty();
        assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
    }

    @Test
    void staticNatRulesGoToTheVmTheirAddressIsStaticNatedTo() {
        FirewallRule rule = FirewallRule.ingress(40, NETWORK_ID, STATIC_NAT_IP, Protocol.TCP).ports(PortRange.of(80, 81))
                .purpose(Purpose.STATIC_NAT).build();
        var ips = List.of(publicIp("203.0.113.21", 100).withStaticNat(IpAddress.parse("10.1.1.11")));

        SetStaticNatRulesCommand command = helper.createStaticNatRulesCommand(router(), network(), List.of(rule), ips);

        assertThat(command.rules()).containsExactly(
                StaticNatRuleTO.forPorts(STATIC_NAT_IP, IpAddress.parse("10.1.1.11"), Protocol.TCP, PortRange.of(80, 81)));
    }

    @Test
    void aStaticNatRuleOnAnAddressWithoutStaticNatIsRefused() {
        FirewallRule rule = FirewallRule.ingress(40, NETWORK_ID, SOURCE_NAT_IP, Protocol.TCP).ports(PortRange.of(80))
                .purpose(Purpose.STATIC_NAT).build();

        assertThatThrownBy(() -> helper.createStaticNatRulesCommand(router(), network(), List.of(rule), List.of(SetupFixtures.sourceNatIp())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("rules[0].src_ip"));
    }

    @Test
    void loadBalancerCarriesRulesRouterAddressesAndSettings() {
        LoadBalancingRule web = LoadBalancingRule.builder(50, "9b2c4a1e-5f0d-4c3b-8a7e-2d1f0e9c8b7a", NETWORK_ID, SOURCE_NAT_IP, 80, 8080)
                .algorithm(LbAlgorithm.LEAST_CONN)
                .destinations(List.of(LbDestination.of(IpAddress.parse("10.1.1.11"), 8080),
                        new LbDestination(IpAddress.parse("10.1.1.12"), 8080, true)))
                .stickiness(new StickinessPolicy(StickinessPolicy.Method.LB_COOKIE, Map.of("cookie-name", "SRV", "nocache", "")))
                .healthCheck(HealthCheckPolicy.defaults())
                .build();
        LoadBalancingRule proxied = LoadBalancingRule.builder(51, "lb-51", NETWORK_ID, SOURCE_NAT_IP, 443, 443)
                .protocol(LbProtocol.TCP_PROXY).build();
        CommandSetupHelper tuned = new CommandSetupHelper(CommandSetupSettings.builder().lbMaxConn(2000).lbKeepAlive(true).build());

        LoadBalancerConfigCommand command = tuned.createLoadBalancerCommand(router(), network(), List.of(web, proxied));

        assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
        assertThat(command.publicIp()).contains(SOURCE_NAT_IP);
        assertThat(command.guestIp()).isEqualTo(IpAddress.parse("10.1.1.1"));
        assertThat(command.controlIp()).isEqualTo(IpAddress.parse("169.254.3.44"));
        assertThat(command.maxconn()).isEqualTo(2000);
        assertThat(command.keepAliveEnabled()).isTrue();
        assertThat(command.vpcId()).isEmpty();
        LoadBalancerTO first = command.loadBalancers().get(0);
        assertThat(first.algorithm()).isEqualTo(LbAlgorithm.LEAST_CONN);
        assertThat(first.sourcePort()).isEqualTo(80);
        assertThat(first.destinations()).containsExactly(LbDestinationTO.of(IpAddress.parse("10.1.1.11"), 8080),
                new LbDestinationTO(IpAddress.parse("10.1.1.12"), 8080, true, false));
        assertThat(first.stickinessPolicy()).contains(LbCookieStickinessTO.defaults().withCookieName("SRV")
                .withFlags(LbCookieStickinessTO.Mode.INSERT, false, true, false));
        assertThat(first.healthCheckPolicy()).hasValueSatisfying(check -> {
            assertThat(check.pingPath()).contains("/");
            assertThat(check.intervalSeconds()).isEqualTo(5);
        });
        LoadBalancerTO second = command.loadBalancers().get(1);
        assertThat(second.protocol()).isEqualTo(LbProtocol.TCP);
        assertThat(second.lbProtocol()).contains(LbProtocol.TCP_PROXY);
    }

    @Test
    void aVpcTierLoadBalancerNamesTheRoutersTierNic() {
        LoadBalancingRule web = LoadBalancingRule.builder(50, "lb-50", SetupFixtures.TIER_ID, SOURCE_NAT_IP, 80, 80)
                .destinations(List.of(LbDestination.of(IpAddress.parse("172.16.1.10"), 80))).build();

        LoadBalancerConfigCommand command = helper.createLoadBalancerCommand(SetupFixtures.vpcRouter(), SetupFixtures.tier(),
                List.of(web), SetupFixtures.tierNic());

        assertThat(command.vpcId()).contains(SetupFixtures.VPC_ID);
        assertThat(command.nicIp()).contains(IpAddress.parse("172.16.1.1"));
        assertThat(command.nicDeviceId()).contains(2);
        assertThat(command.routerIp()).contains(IpAddress.parse("172.16.1.1"));
    }

    @Test
    void networkAclDerivesTierDetailsFromTheRouterNic() {
        NetworkAclItem allowSsh = NetworkAclItem.of(3, 20, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP)
                .withPorts(PortRange.of(22)).withCidrs(List.of(Cidr.parse("0.0.0.0/0")));
        NetworkAclItem denyAll = NetworkAclItem.of(4, 10, NetworkAclItem.Action.DENY, Direction.EGRESS, Protocol.ALL);

        SetNetworkACLCommand command = helper.createNetworkAclCommand(SetupFixtures.vpcRouter(), SetupFixtures.tier(),
                SetupFixtures.tierNic(), List.of(allowSsh, denyAll), false);

        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.50",
                AccessDetails.ROUTER_NAME, "r-14-VM",
                AccessDetails.ZONE_NETWORK_TYPE, "Advanced",
                AccessDetails.ROUTER_GUEST_IP, "172.16.1.1",
                AccessDetails.GUEST_VLAN_TAG, "100"));
        assertThat(command.rules()).extracting(NetworkACLTO::number).containsExactly(10, 20);
        assertThat(command.rules().get(0).action()).isEqualTo(AclAction.DENY);
        assertThat(command.rules().get(1).portRange()).contains(PortRange.of(22));
        assertThat(command.nic().deviceId()).isEqualTo(2);
    }

    @Test
    void aPrivateGatewayAclIsMarked() {
        SetNetworkACLCommand command = helper.createNetworkAclCommand(SetupFixtures.vpcRouter(), SetupFixtures.tier(),
                SetupFixtures.tierNic(), List.of(NetworkAclItem.of(4, 10, NetworkAclItem.Action.DENY, Direction.EGRESS, Protocol.ALL)), true);

        assertThat(command.accessDetails().get(AccessDetails.VPC_PRIVATE_GATEWAY)).contains("Private");
    }

    @Test
    void staticRoutesOfTheVpc() {
        StaticRoute active = new StaticRoute(1, Cidr.parse("192.168.0.0/16"), IpAddress.parse("10.0.0.254"), IpAddress.parse("10.0.0.1"),
                StaticRoute.State.ACTIVE, SetupFixtures.VPC_ID);
        StaticRoute revoked = new StaticRoute(2, Cidr.parse("192.169.0.0/16"), IpAddress.parse("10.0.0.254"), IpAddress.parse("10.0.0.1"),
                StaticRoute.State.REVOKE, SetupFixtures.VPC_ID);

        SetStaticRouteCommand command = helper.createStaticRouteCommand(SetupFixtures.vpcRouter(), SetupFixtures.vpc(), List.of(active, revoked));

        assertThat(command.routes()).containsExactly(
                StaticRouteTO.of(Cidr.parse("192.168.0.0/16"), IpAddress.parse("10.0.0.254"), IpAddress.parse("10.0.0.1")),
                StaticRouteTO.of(Cidr.parse("192.169.0.0/16"), IpAddress.parse("10.0.0.254"), IpAddress.parse("10.0.0.1")).revoked());
        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.50",
                AccessDetails.ROUTER_NAME, "r-14-VM",
                AccessDetails.ZONE_NETWORK_TYPE, "Advanced"));
    }

    @Test
    void aRouterOfAnotherVpcIsRefused() {
        assertThatThrownBy(() -> helper.createStaticRouteCommand(router(), SetupFixtures.vpc(), List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("vpc_id"));
    }

    @Test
    void aRouterWithoutControlAddressCannotBeAddressed() {
        DomainRouter withoutControl = DomainRouter.builder(12, "router-uuid", 1, HypervisorType.KVM, 7).networkIds(List.of(NETWORK_ID)).build();

        assertThatThrownBy(() -> helper.createFirewallRulesCommand(withoutControl, network(), List.of(ssh())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("router.ip"))
                .hasMessageContaining("r-12-VM has no control address");
    }

    @Test
    void aNetworkTheRouterDoesNotServeIsRefused() {
        DomainRouter elsewhere = router().toBuilder().networkIds(List.of(999L)).guestIps(Map.of()).build();

        assertThatThrownBy(() -> helper.createFirewallRulesCommand(elsewhere, network(), List.of(ssh())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("network_id"));
    }
}
