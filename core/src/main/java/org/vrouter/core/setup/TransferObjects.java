package org.vrouter.core.setup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.HealthCheckPolicy;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.RuleState;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.rule.StickinessPolicy;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.to.AclAction;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.LbDestinationTO;
import org.vrouter.commands.to.LbHealthCheckPolicyTO;
import org.vrouter.commands.to.LbStickinessPolicyTO;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;
import org.vrouter.commands.to.StaticRouteTO;
import org.vrouter.commands.to.VpnUserTO;

/**
 * Domain rule to transfer object, one function per TO (CloudStack's TO constructors taking VOs).
 * Rule state maps as CloudStack's: Revoke is {@code revoked}, Active is {@code already_added}.
 */
final class TransferObjects {
    private TransferObjects() {}

    /**
     * A firewall rule. Ingress rules of purpose Firewall carry their public IP as {@code src_ip};
     * egress rules carry none and the offering's egress default (ingress rules carry false, as in
     * CloudStack). Every rule carries the guest CIDR when the network has one.
     */
    static FirewallRuleTO firewallRule(FirewallRule rule, Optional<Cidr> guestCidr, boolean egressAllow) {
        boolean ingress = rule.direction() == Direction.INGRESS;
        Optional<IpAddress> sourceIp = ingress && rule.purpose() != Purpose.IPV6_FIREWALL ? rule.publicIp() : Optional.empty();
        return new FirewallRuleTO(rule.id(), Optional.empty(), sourceIp, rule.protocol(), rule.ports(), revoked(rule.state()),
                active(rule.state()), rule.sourceCidrs(), rule.destinationCidrs(), rule.purpose(), icmpType(rule.icmp()),
                icmpCode(rule.icmp()), rule.direction(), guestCidr, !ingress && egressAllow, rule.type());
    }

    static PortForwardingRuleTO portForwarding(PortForwardingRule rule) {
        return new PortForwardingRuleTO(rule.publicIp(), rule.protocol(), rule.publicPorts(), rule.vmIp(), rule.privatePorts(),
                revoked(rule.state()), active(rule.state()), rule.sourceCidrs());
    }

    /** One-to-one NAT: CloudStack's {@code StaticNatRuleTO(0, publicIp, null, null, vmIp, null, null, null, revoked, false)}. */
    static StaticNatRuleTO staticNat(StaticNat nat) {
        return new StaticNatRuleTO(nat.publicIp(), nat.vmIp(), Optional.empty(), Optional.empty(), nat.revoked(), false);
    }

    /** A static NAT rule by protocol and ports (a firewall rule of purpose StaticNat) to {@code vmIp}. */
    static StaticNatRuleTO staticNatRule(FirewallRule rule, IpAddress vmIp) {
        return new StaticNatRuleTO(rule.publicIp().orElseThrow(), vmIp, Optional.of(rule.protocol()), rule.ports(),
                revoked(rule.state()), false);
    }

    /**
     * A load-balancing rule with its destinations, stickiness and health check. The TO's
     * {@code protocol} is the transport (tcp, or udp which the command refuses); {@code lb_protocol}
     * is set only for {@code tcp-proxy}, as CloudStack sets it only for the non-plain protocols.
     */
    static LoadBalancerTO loadBalancer(LoadBalancingRule rule) {
        LoadBalancerTO.Builder builder = LoadBalancerTO.builder(rule.uuid(), rule.publicIp(), rule.publicPort())
                .protocol(rule.protocol() == LbProtocol.UDP ? LbProtocol.UDP : LbProtocol.TCP)
                .algorithm(rule.algorithm())
                .revoked(revoked(rule.state()))
                .alreadyAdded(active(rule.state()));
        if (rule.protocol() == LbProtocol.TCP_PROXY) {
            builder.lbProtocol(LbProtocol.TCP_PROXY);
        }
        rule.destinations().forEach(destination -> builder.destination(
                new LbDestinationTO(destination.address(), destination.port(), destination.revoked(), false)));
        rule.stickiness().ifPresent(policy -> builder.stickinessPolicy(stickiness(policy)));
        rule.healthCheck().ifPresent(check -> builder.healthCheckPolicy(healthCheck(check)));
        rule.sourceCidrs().forEach(builder::sourceCidr);
        return builder.build();
    }

    private static LbStickinessPolicyTO stickiness(StickinessPolicy policy) {
        List<Map.Entry<String, String>> params = policy.params().entrySet().stream()
                .map(param -> Map.entry(param.getKey(), param.getValue())).toList();
        return LbStickinessPolicyTO.fromCloudStack(policy.method().wireName(), params);
    }

    private static LbHealthCheckPolicyTO healthCheck(HealthCheckPolicy check) {
        return LbHealthCheckPolicyTO.http(check.pingPath(), check.responseTimeSeconds(), check.intervalSeconds(),
                check.healthyThreshold(), check.unhealthyThreshold());
    }

    static NetworkACLTO networkAcl(NetworkAclItem item) {
        AclAction action = item.action() == NetworkAclItem.Action.ALLOW ? AclAction.ALLOW : AclAction.DENY;
        NetworkACLTO.Builder builder = NetworkACLTO.builder(item.number(), item.protocol(), item.direction(), action)
                .cidrs(item.cidrs())
                .revoked(item.state().isRevoked());
        item.ports().ifPresent(builder::ports);
        item.icmp().ifPresent(icmp -> builder.icmp(icmp.type(), icmp.code()));
        return builder.build();
    }

    static StaticRouteTO staticRoute(StaticRoute route) {
        return new StaticRouteTO(route.network(), route.nextHop(), route.gatewayIp(), route.isRevoked());
    }

    static VpnUserTO vpnUser(VpnUser user) {
        return user.isRevoked() ? VpnUserTO.remove(user.username(), user.password()) : VpnUserTO.add(user.username(), user.password());
    }

    /** The router's NIC as CloudStack's {@code NicTO}: addresses, isolation, DNS, MTU and the network's uuid. */
    static NicTO nic(Nic nic, Network network) {
        return nic(nic, Optional.of(network.uuid()));
    }

    /** The NIC as a {@code NicTO}, with its network's uuid when known (a public NIC's network is the controller's). */
    static NicTO nic(Nic nic, Optional<String> networkUuid) {
        NicTO.Builder builder = NicTO.builder(nic.deviceId(), nic.macAddress(), nic.trafficType())
                .defaultNic(nic.defaultNic());
        networkUuid.ifPresent(builder::networkUuid);
        if (nic.ipAddress().isPresent()) {
            if (nic.gateway().isPresent()) {
                builder.ipv4(nic.ipAddress().get(), nic.netmask().orElseThrow(), nic.gateway().get());
            }
            else {
                builder.ipv4(nic.ipAddress().get(), nic.netmask().orElseThrow());
            }
        }
        nic.broadcastUri().ifPresent(builder::broadcastUri);
        nic.isolationUri().ifPresent(builder::isolationUri);
        if (nic.dns().dns1().isPresent() && nic.dns().dns2().isPresent()) {
            builder.dns(nic.dns().dns1().get(), nic.dns().dns2().get());
        }
        else {
            nic.dns().dns1().ifPresent(builder::dns);
        }
        nic.mtu().ifPresent(builder::mtu);
        if (nic.ip6Address().isPresent() && nic.ip6Gateway().isPresent() && nic.ip6Cidr().isPresent()) {
            builder.ipv6(nic.ip6Address().get(), nic.ip6Gateway().get(), nic.ip6Cidr().get());
        }
        return builder.build();
    }

    private static boolean revoked(RuleState state) {
        return state == RuleState.REVOKE;
    }

    private static boolean active(RuleState state) {
        return state == RuleState.ACTIVE;
    }

    private static OptionalInt icmpType(Optional<Icmp> icmp) {
        return icmp.map(value -> OptionalInt.of(value.type())).orElse(OptionalInt.empty());
    }

    private static OptionalInt icmpCode(Optional<Icmp> icmp) {
        return icmp.map(value -> OptionalInt.of(value.code())).orElse(OptionalInt.empty());
    }
}
