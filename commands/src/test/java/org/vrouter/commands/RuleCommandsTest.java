package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vrouter.commands.Fixtures.PUBLIC_IP;
import static org.vrouter.commands.Fixtures.VM_IP;
import static org.vrouter.commands.Fixtures.router;
import static org.vrouter.commands.Fixtures.tierNic;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.commands.to.AclAction;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;
import org.vrouter.commands.to.StaticRouteTO;

class RuleCommandsTest {
    private static NetworkACLTO acl(int number, Protocol protocol, AclAction action) {
        return NetworkACLTO.builder(number, protocol, Direction.INGRESS, action).build();
    }

    @Test
    void firewallDerivesEgressDefaultFromTheOffering() {
        FirewallRuleTO ingress = FirewallRuleTO.ingress(17, PUBLIC_IP, Protocol.TCP).ports(PortRange.of(22)).build();

        SetFirewallRulesCommand command = new SetFirewallRulesCommand(router(), List.of(ingress), false);

        assertThat(command.accessDetails().get(AccessDetails.FIREWALL_EGRESS_DEFAULT)).contains("false");
    }

    @Test
    void firewallEgressDefaultIsSystemWhenTheFirstRuleIsASystemEgressRule() {
        FirewallRuleTO system = FirewallRuleTO.egress(0, Protocol.ALL).type(FirewallRule.Type.SYSTEM)
                .defaultEgressPolicy(true).sourceCidrs(List.of(Cidr.parse("10.1.1.0/24"))).build();

        SetFirewallRulesCommand command = new SetFirewallRulesCommand(router(), List.of(system), true);

        assertThat(command.accessDetails().get(AccessDetails.FIREWALL_EGRESS_DEFAULT)).contains("System");
    }

    @Test
    void firewallRejectsEgressRuleWithAnotherDefaultPolicy() {
        FirewallRuleTO egress = FirewallRuleTO.egress(18, Protocol.ALL).defaultEgressPolicy(false).build();

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetFirewallRulesCommand(router(), List.of(egress), true));

        assertThat(error.field()).isEqualTo("rules[0].default_egress_policy");
    }

    @Test
    void firewallRejectsRulesOfAnotherPurpose() {
        FirewallRuleTO ipv6 = FirewallRuleTO.egress(1, Protocol.ALL).purpose(Purpose.IPV6_FIREWALL).build();

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetFirewallRulesCommand(router(), List.of(ipv6), false));

        assertThat(error.field()).isEqualTo("rules[0].purpose");
    }

    @Test
    void ipv6FirewallNeedsAnIpv6NetworkCidr() {
        FirewallRuleTO rule = FirewallRuleTO.egress(1, Protocol.ALL).purpose(Purpose.IPV6_FIREWALL).build();

        SetIpv6FirewallRulesCommand command = new SetIpv6FirewallRulesCommand(router(), List.of(rule), Cidr.parse("fd00:1::/64"), false);
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetIpv6FirewallRulesCommand(router(), List.of(rule), Cidr.parse("10.1.1.0/24"), false));

        assertThat(command.guestIp6Cidr()).isEqualTo(Cidr.parse("fd00:1::/64"));
        assertThat(error.field()).isEqualTo("guest_ip6_cidr");
    }

    @Test
    void portForwardingCarriesTheVpcFlag() {
        PortForwardingRuleTO rule = PortForwardingRuleTO.of(PUBLIC_IP, Protocol.TCP, PortRange.of(2222), VM_IP, PortRange.of(22));

        SetPortForwardingRulesCommand command = new SetPortForwardingRulesCommand(router(), List.of(rule), true);

        assertThat(command.vpc()).isTrue();
        assertThat(command.answersCount()).isEqualTo(2);
    }

    @Test
    void portForwardingNeedsARule() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetPortForwardingRulesCommand(router(), List.of(), false));

        assertThat(error.field()).isEqualTo("rules");
    }

    @Test
    void staticNatTakesAnOptionalVpcId() {
        SetStaticNatRulesCommand isolated = SetStaticNatRulesCommand.of(router(), List.of(StaticNatRuleTO.oneToOne(PUBLIC_IP, VM_IP)));
        SetStaticNatRulesCommand vpc = new SetStaticNatRulesCommand(router(), List.of(StaticNatRuleTO.oneToOne(PUBLIC_IP, VM_IP)), OptionalLong.of(7));

        assertThat(isolated.vpcId()).isEmpty();
        assertThat(vpc.vpcId()).hasValue(7);
    }

    @Test
    void aclSortsRulesByNumberAndCountsOneAnswerPerRule() {
        SetNetworkACLCommand command = new SetNetworkACLCommand(router(), List.of(
                acl(30, Protocol.ALL, AclAction.DENY),
                acl(10, Protocol.TCP, AclAction.ALLOW),
                acl(20, Protocol.number(41), AclAction.DENY)), tierNic(), false);

        assertThat(command.rules()).extracting(NetworkACLTO::number).containsExactly(10, 20, 30);
        assertThat(command.answersCount()).isEqualTo(3);
        assertThat(command.accessDetails().get(AccessDetails.GUEST_VLAN_TAG)).contains("100");
        assertThat(command.accessDetails().get(AccessDetails.VPC_PRIVATE_GATEWAY)).isEmpty();
    }

    @Test
    void privateGatewayAclSetsTheMarkerDetail() {
        SetNetworkACLCommand command = new SetNetworkACLCommand(router(), List.of(acl(1, Protocol.ALL, AclAction.ALLOW)), tierNic(), true);

        assertThat(command.accessDetails().get(AccessDetails.VPC_PRIVATE_GATEWAY)).contains("Private");
    }

    @Test
    void tierAclRejectsAStrayPrivateGatewayDetail() {
        AccessDetails stray = router().with(AccessDetails.VPC_PRIVATE_GATEWAY, "Private");

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetNetworkACLCommand(stray, List.of(), tierNic(), false));

        assertThat(error.field()).isEqualTo(AccessDetails.VPC_PRIVATE_GATEWAY);
    }

    @Test
    void aclRejectsTwoActiveRulesWithOneNumber() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new SetNetworkACLCommand(router(),
                List.of(acl(10, Protocol.TCP, AclAction.ALLOW), acl(10, Protocol.UDP, AclAction.ALLOW)), tierNic(), false));

        assertThat(error.field()).isEqualTo("rules[1].number");
    }

    @Test
    void staticRoutesRejectTwoActiveRoutesForOneNetwork() {
        StaticRouteTO route = StaticRouteTO.of(Cidr.parse("192.168.50.0/24"), IpAddress.parse("10.0.1.254"), IpAddress.parse("10.0.1.1"));

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetStaticRouteCommand(router(), List.of(route, route)));
        SetStaticRouteCommand replaced = new SetStaticRouteCommand(router(), List.of(route.revoked(), route));

        assertThat(error.field()).isEqualTo("routes[1].network");
        assertThat(replaced.routes()).hasSize(2);
    }
}
