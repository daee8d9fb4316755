package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;

class RuleTOTest {
    private static final IpAddress PUBLIC = IpAddress.parse("203.0.113.20");
    private static final IpAddress VM = IpAddress.parse("10.1.1.23");

    @Test
    void buildsIngressAndEgressFirewallRules() {
        FirewallRuleTO ingress = FirewallRuleTO.ingress(17, PUBLIC, Protocol.TCP)
                .ports(PortRange.of(22))
                .sourceCidrs(List.of(Cidr.parse("0.0.0.0/0")))
                .guestCidr(Cidr.parse("10.1.1.0/24"))
                .build();
        FirewallRuleTO egress = FirewallRuleTO.egress(18, Protocol.ALL).defaultEgressPolicy(true).build();

        assertThat(ingress.srcPortRangeColonForm()).isEqualTo("22:22");
        assertThat(ingress.purpose()).isEqualTo(Purpose.FIREWALL);
        assertThat(egress.srcIp()).isEmpty();
        assertThat(egress.srcPortRangeColonForm()).isEqualTo("0:0");
        assertThat(egress.type()).isEqualTo(FirewallRule.Type.USER);
    }

    @Test
    void rejectsPortsOnAnIcmpFirewallRule() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> FirewallRuleTO.ingress(1, PUBLIC, Protocol.ICMP)
                .ports(PortRange.of(22)).build());

        assertThat(error.field()).isEqualTo("src_port_range");
    }

    @Test
    void rejectsIcmpTypeOnATcpFirewallRule() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> FirewallRuleTO.ingress(1, PUBLIC, Protocol.TCP)
                .icmp(8, 0).build());

        assertThat(error.field()).isEqualTo("icmp_type");
    }

    @Test
    void rejectsIcmpTypeAbove255() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> FirewallRuleTO.ingress(1, PUBLIC, Protocol.ICMP)
                .icmp(256, 0).build());

        assertThat(error.field()).isEqualTo("icmp_type");
    }

    @Test
    void rejectsRuleThatIsRevokedAndAlreadyAdded() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> FirewallRuleTO.egress(1, Protocol.ALL)
                .revoked(true).alreadyAdded(true).build());

        assertThat(error.field()).isEqualTo("already_added");
    }

    @Test
    void rejectsIngressFirewallRuleWithoutPublicIp() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new FirewallRuleTO(1, Optional.empty(), Optional.empty(),
                Protocol.TCP, Optional.empty(), false, false, List.of(), List.of(), Purpose.FIREWALL,
                OptionalInt.empty(), OptionalInt.empty(), Direction.INGRESS, Optional.empty(), false,
                FirewallRule.Type.USER));

        assertThat(error.field()).isEqualTo("src_ip");
    }

    @Test
    void parsesFirewallProtocolsAndRejectsUnknownOnes() {
        assertThat(Protocol.parse("protocol", "UDP")).isEqualTo(Protocol.UDP);

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> Protocol.parse("protocol", "sctp"));
        assertThat(error.field()).isEqualTo("protocol");
        assertThat(error).hasMessageContaining("sctp");
    }

    @Test
    void firewallRulesTakeNoProtocolNumbers() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> FirewallRuleTO.egress(1, Protocol.number(41)).build());
        assertThat(error.field()).isEqualTo("protocol");
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> PortForwardingRuleTO.of(PUBLIC, Protocol.number(6), PortRange.of(22), VM, PortRange.of(22))).field())
                .isEqualTo("protocol");
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> StaticNatRuleTO.forPorts(PUBLIC, VM, Protocol.number(17), PortRange.of(53))).field())
                .isEqualTo("protocol");
    }

    @Test
    void forwardsEqualWidthPortRanges() {
        PortForwardingRuleTO rule = PortForwardingRuleTO.of(PUBLIC, Protocol.TCP, PortRange.of(8000, 8010), VM, PortRange.of(9000, 9010));

        assertThat(rule.revoke().revoked()).isTrue();
        assertThat(rule.withSourceCidrs(List.of(Cidr.parse("10.0.0.0/8"))).sourceCidrs()).hasSize(1);
    }

    @Test
    void rejectsPortForwardingRangesOfUnequalWidth() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> PortForwardingRuleTO.of(PUBLIC, Protocol.TCP,
                PortRange.of(8000, 8010), VM, PortRange.of(9000, 9005)));

        assertThat(error.field()).isEqualTo("destination_port_range");
        assertThat(error).hasMessageContaining("9000-9005");
    }

    @Test
    void rejectsPortForwardingOfIcmp() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> PortForwardingRuleTO.of(PUBLIC, Protocol.ICMP,
                PortRange.of(1), VM, PortRange.of(1)));

        assertThat(error.field()).isEqualTo("protocol");
    }

    @Test
    void rejectsPortForwardingAcrossAddressFamilies() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> PortForwardingRuleTO.of(PUBLIC, Protocol.TCP,
                PortRange.of(22), IpAddress.parse("fd00::5"), PortRange.of(22)));

        assertThat(error.field()).isEqualTo("destination_ip_address");
    }

    @Test
    void distinguishesOneToOneFromProtocolStaticNat() {
        StaticNatRuleTO oneToOne = StaticNatRuleTO.oneToOne(PUBLIC, VM);
        StaticNatRuleTO ports = StaticNatRuleTO.forPorts(PUBLIC, VM, Protocol.UDP, PortRange.of(53));

        assertThat(oneToOne.isOneToOne()).isTrue();
        assertThat(oneToOne.portRangeColonForm()).isEqualTo("0:0");
        assertThat(ports.isOneToOne()).isFalse();
        assertThat(ports.portRangeColonForm()).isEqualTo("53:53");
        assertThat(oneToOne.revoke().revoked()).isTrue();
    }

    @Test
    void rejectsStaticNatProtocolWithoutPorts() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new StaticNatRuleTO(PUBLIC, VM, Optional.of(Protocol.TCP),
                Optional.empty(), false, false));

        assertThat(error.field()).isEqualTo("source_port_range");
    }

    @Test
    void aclProtocolAcceptsNamesAndNumbers() {
        assertThat(Protocol.parse("protocol", "TCP")).isEqualTo(Protocol.TCP);
        assertThat(Protocol.parse("protocol", "41").protocolNumber()).hasValue(41);
        assertThat(Protocol.number(0).name()).isEqualTo("0");
        assertThat(Protocol.ICMP.isIcmp()).isTrue();
        assertThat(Protocol.number(6).hasPorts()).isFalse();
    }

    @Test
    void aclProtocolRejectsNumbersAbove255AndUnknownNames() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> Protocol.parse("protocol", "256")).field())
                .isEqualTo("protocol");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> Protocol.parse("protocol", "gre")))
                .hasMessageContaining("gre");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> Protocol.number(-1)).field())
                .isEqualTo("protocol");
    }

    @Test
    void rejectsAclPortsOnANumberedProtocol() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NetworkACLTO.builder(10, Protocol.number(41),
                Direction.INGRESS, AclAction.DENY).ports(PortRange.of(1)).build());

        assertThat(error.field()).isEqualTo("port_range");
    }

    @Test
    void rejectsAclRuleNumberZero() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> NetworkACLTO.builder(0, Protocol.ALL,
                Direction.INGRESS, AclAction.DENY).build());

        assertThat(error.field()).isEqualTo("number");
    }

    @Test
    void aclActionsUseTheRuleStringNames() {
        assertThat(AclAction.ALLOW.wireName()).isEqualTo("ACCEPT");
        assertThat(AclAction.DENY.wireName()).isEqualTo("DROP");
        assertThat(AclAction.DENY.allowed()).isFalse();
    }
}
