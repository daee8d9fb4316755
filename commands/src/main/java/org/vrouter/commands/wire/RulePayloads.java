package org.vrouter.commands.wire;

import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetIpv6FirewallRulesCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.FirewallRulesPayload;
import org.vrouter.commands.wire.payload.ForwardingRule;
import org.vrouter.commands.wire.payload.ForwardingRulesPayload;
import org.vrouter.commands.wire.payload.Ipv6FirewallRulesPayload;
import org.vrouter.commands.wire.payload.StaticNatRule;
import org.vrouter.commands.wire.payload.StaticNatRulesPayload;
import org.vrouter.commands.wire.payload.WirePortRange;

/**
 * Payloads of the isolated-network rule commands: firewall ({@code firewallrules}), IPv6 firewall
 * ({@code ipv6firewallrules}), port forwarding ({@code forwardrules}) and static NAT
 * ({@code staticnatrules}). Network ACLs have their own class, {@link AclPayloads}.
 */
final class RulePayloads {
    private RulePayloads() {}

    /**
     * {@code firewall_rules.json}: one element per rule; egress rules carry {@code "src_ip":""}; ports as
     * {@code [start, end]}, absent for rules without ports. The rule's User/System type is not written
     * (CloudStack's converter leaves it out; the egress default travels in {@code firewall.egress.default}).
     */
    static FirewallRulesPayload firewallRules(SetFirewallRulesCommand command) {
        return FirewallRulesPayload.of(PayloadElements.map("rules", command.rules(), rule -> firewallRule(rule, Optional.empty())));
    }

    /** {@code ipv6_firewall_rules.json}: the firewall rule shape plus the guest IPv6 prefix on every rule. */
    static Ipv6FirewallRulesPayload ipv6FirewallRules(SetIpv6FirewallRulesCommand command) {
        Optional<Cidr> prefix = Optional.of(command.guestIp6Cidr());
        return Ipv6FirewallRulesPayload.of(PayloadElements.map("rules", command.rules(), rule -> firewallRule(rule, prefix)));
    }

    private static FirewallRule firewallRule(FirewallRuleTO rule, Optional<Cidr> guestIp6Cidr) {
        FirewallRule.Builder payload = FirewallRule.builder()
                .id(rule.id())
                .protocol(rule.protocol().name())
                .revoked(rule.revoked())
                .alreadyAdded(rule.alreadyAdded())
                .sourceCidrList(rule.sourceCidrs())
                .destCidrList(rule.destCidrs())
                .purpose(rule.purpose().wireName())
                .trafficType(rule.trafficType().wireName())
                .defaultEgressPolicy(rule.defaultEgressPolicy());
        rule.srcVlanTag().ifPresent(payload::srcVlanTag);
        rule.srcIp().ifPresent(payload::srcIp);
        rule.srcPortRange().ifPresent(ports -> payload.srcPortRange(ports.start(), ports.end()));
        if (rule.icmpType().isPresent() || rule.icmpCode().isPresent()) {
            payload.icmp(rule.icmpType().orElse(-1), rule.icmpCode().orElse(-1));
        }
        rule.guestCidr().ifPresent(payload::guestCidr);
        guestIp6Cidr.ifPresent(payload::guestIp6Cidr);
        return payload.build();
    }

    /**
     * {@code forwarding_rules.json}: protocol in lower case, port ranges as {@code "start:end"}; the VPC
     * variant adds each rule's {@code source_cidr_list} (comma-joined) when the rule restricts its sources.
     */
    static ForwardingRulesPayload forwardingRules(SetPortForwardingRulesCommand command) {
        return ForwardingRulesPayload.of(PayloadElements.map("rules", command.rules(), rule -> forwardingRule(rule, command.vpc())));
    }

    private static ForwardingRule forwardingRule(PortForwardingRuleTO rule, boolean vpc) {
        Optional<CidrList> sources = vpc && !rule.sourceCidrs().isEmpty() ? Optional.of(new CidrList(rule.sourceCidrs())) : Optional.empty();
        return new ForwardingRule(rule.revoked(), rule.protocol().name(), rule.srcIp(), rule.srcPortRange(), rule.dstIp(),
                rule.dstPortRange(), sources);
    }

    /** {@code staticnat_rules.json}: a one-to-one rule has no protocol and the port range {@code "0:0"}. */
    static StaticNatRulesPayload staticNatRules(SetStaticNatRulesCommand command) {
        return StaticNatRulesPayload.of(PayloadElements.map("rules", command.rules(), RulePayloads::staticNatRule));
    }

    private static StaticNatRule staticNatRule(StaticNatRuleTO rule) {
        return new StaticNatRule(rule.revoked(), rule.protocol().map(protocol -> protocol.name()), rule.publicIp(),
                rule.ports().map(WirePortRange::of).orElse(WirePortRange.ALL), rule.vmIp(), Optional.of(rule.crossNetworkSnat()));
    }
}
