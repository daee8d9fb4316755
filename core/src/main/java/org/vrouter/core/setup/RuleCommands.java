package org.vrouter.core.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetIpv6FirewallRulesCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;

/** Firewall, NAT, port forwarding, load balancing, ACL and static route commands. */
final class RuleCommands {
    private static final Cidr ANY_IPV4 = Cidr.parse("0.0.0.0/0");
    private static final Cidr ANY_IPV6 = Cidr.parse("::/0");

    private final CommandSetupSettings settings;

    RuleCommands(CommandSetupSettings settings) {
        this.settings = settings;
    }

    SetFirewallRulesCommand firewall(DomainRouter router, Network network, List<FirewallRule> rules) {
        boolean allow = network.offering().egressDefaultPolicy().isAllow();
        List<FirewallRuleTO> transfers = rules.stream().map(rule -> TransferObjects.firewallRule(rule, network.cidr(), allow)).toList();
        return new SetFirewallRulesCommand(Envelope.inNetwork(router, network).build(), transfers, allow);
    }

    /**
     * The start-time egress rules: under an allow-by-default offering a System rule allowing all
     * traffic from the guest CIDR goes first (the router itself denies by default), which is also
     * what makes {@code firewall.egress.default} read {@code System}.
     */
    SetFirewallRulesCommand egressOnStart(DomainRouter router, Network network, List<FirewallRule> egressRules) {
        List<FirewallRule> rules = new ArrayList<>();
        if (network.offering().egressDefaultPolicy().isAllow() && network.cidr().isPresent()) {
            rules.add(systemEgressRule(network, network.cidr().get(), ANY_IPV4, Purpose.FIREWALL));
        }
        rules.addAll(egressRules);
        return firewall(router, network, rules);
    }

    /** The IPv6 firewall; under an allow-by-default offering a System egress rule for the IPv6 prefix goes first. */
    SetIpv6FirewallRulesCommand ipv6Firewall(DomainRouter router, Network network, List<FirewallRule> rules, boolean withSystemRule) {
        Cidr ip6Cidr = network.ip6Cidr().orElseThrow(() -> new InvalidParameterException("guest_ip6_cidr",
                "network " + network.id() + " has no IPv6 prefix"));
        boolean allow = network.offering().egressDefaultPolicy().isAllow();
        List<FirewallRule> all = new ArrayList<>();
        if (withSystemRule && allow) {
            all.add(systemEgressRule(network, ip6Cidr, ANY_IPV6, Purpose.IPV6_FIREWALL));
        }
        all.addAll(rules);
        List<FirewallRuleTO> transfers = all.stream().map(rule -> TransferObjects.firewallRule(rule, network.cidr(), allow)).toList();
        return new SetIpv6FirewallRulesCommand(Envelope.inNetwork(router, network).build(), transfers, ip6Cidr, allow);
    }

    private static FirewallRule systemEgressRule(Network network, Cidr source, Cidr destination, Purpose purpose) {
        return FirewallRule.egress(0, network.id(), Protocol.ALL).sourceCidrs(List.of(source)).destinationCidrs(List.of(destination))
                .purpose(purpose).type(FirewallRule.Type.SYSTEM).build();
    }

    SetPortForwardingRulesCommand portForwarding(DomainRouter router, Network network, List<PortForwardingRule> rules) {
        return new SetPortForwardingRulesCommand(Envelope.inNetwork(router, network).build(),
                rules.stream().map(TransferObjects::portForwarding).toList(), network.isVpcTier());
    }

    /** One-to-one static NAT ({@code createApplyStaticNatCommands}). */
    SetStaticNatRulesCommand staticNats(DomainRouter router, Network network, List<StaticNat> nats) {
        return new SetStaticNatRulesCommand(Envelope.inNetwork(router, network).build(),
                nats.stream().map(TransferObjects::staticNat).toList(), network.vpcId());
    }

    /**
     * Static NAT rules by protocol and ports ({@code createApplyStaticNatRulesCommands}): firewall
     * rules of purpose StaticNat; each goes to the VM its public address is static-NATed to.
     *
     * @throws InvalidParameterException naming {@code rules[i]} when a rule's address is not a
     *     one-to-one NAT address among {@code ips}
     */
    SetStaticNatRulesCommand staticNatRules(DomainRouter router, Network network, List<FirewallRule> rules, List<PublicIpAddress> ips) {
        Map<IpAddress, IpAddress> vmByPublicIp = ips.stream().filter(PublicIpAddress::oneToOneNat)
                .collect(Collectors.toMap(PublicIpAddress::address, ip -> ip.associatedVmIp().orElseThrow(), (first, second) -> first));
        List<StaticNatRuleTO> transfers = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            FirewallRule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule.purpose() != Purpose.STATIC_NAT) {
                throw new InvalidParameterException(field + ".purpose", "must be StaticNat", rule.purpose().wireName());
            }
            IpAddress publicIp = rule.publicIp().orElseThrow();
            IpAddress vmIp = vmByPublicIp.get(publicIp);
            if (vmIp == null) {
                throw new InvalidParameterException(field + ".src_ip", "is not a static NAT address of the network", publicIp);
            }
            transfers.add(TransferObjects.staticNatRule(rule, vmIp));
        }
        return new SetStaticNatRulesCommand(Envelope.inNetwork(router, network).build(), transfers, network.vpcId());
    }

    /**
     * The network's load balancer: every rule (revoked ones too), the router's public, guest and
     * control addresses for the statistics page, and the haproxy settings. A VPC tier's command
     * also names the router's tier NIC, whose address becomes {@code router_ip} on the wire.
     */
    LoadBalancerConfigCommand loadBalancer(DomainRouter router, Network network, List<LoadBalancingRule> rules, Optional<Nic> routerNic) {
        IpAddress guestIp = Envelope.requireGuestIp(router, network);
        Optional<IpAddress> nicIp = Optional.empty();
        Optional<Integer> nicDeviceId = Optional.empty();
        if (network.isVpcTier() && routerNic.isPresent()) {
            Nic nic = Envelope.requireNicIn(routerNic.get(), network);
            nicIp = nic.ipAddress();
            nicDeviceId = Optional.of(nic.deviceId());
        }
        OptionalLong vpc = network.vpcId();
        return new LoadBalancerConfigCommand(Envelope.inNetwork(router, network).build(),
                rules.stream().map(TransferObjects::loadBalancer).toList(), router.publicIp(), guestIp, Envelope.controlIp(router),
                nicIp, nicDeviceId, vpc.isPresent() ? Optional.of(vpc.getAsLong()) : Optional.empty(), settings.lbMaxConn(),
                settings.lbKeepAlive(), settings.lbIdleTimeoutMillis(), settings.lbStats());
    }

    /**
     * The ACL of a VPC tier or private gateway, on the router's NIC there. The command derives
     * {@code router.guest.ip}, {@code guest.vlan.tag} and {@code vpc.gateway.private} from the NIC.
     */
    SetNetworkACLCommand networkAcl(DomainRouter router, Network network, Nic routerNic, List<NetworkAclItem> items, boolean privateGateway) {
        Envelope.requireServes(router, network);
        Envelope.requireNicIn(routerNic, network);
        return new SetNetworkACLCommand(Envelope.inZone(router, network.zone()).build(),
                items.stream().map(TransferObjects::networkAcl).toList(), TransferObjects.nic(routerNic, network), privateGateway);
    }

    SetStaticRouteCommand staticRoutes(DomainRouter router, Vpc vpc, List<StaticRoute> routes) {
        requireRouterOf(router, vpc);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).vpcId() != vpc.id()) {
                throw new InvalidParameterException("routes[" + i + "].vpc_id", "belongs to another VPC than " + vpc.id(), routes.get(i).vpcId());
            }
        }
        return new SetStaticRouteCommand(Envelope.inZone(router, vpc.zone()).build(),
                routes.stream().map(TransferObjects::staticRoute).toList());
    }

    static void requireRouterOf(DomainRouter router, Vpc vpc) {
        if (router.vpcId().isEmpty() || router.vpcId().getAsLong() != vpc.id()) {
            throw new InvalidParameterException("vpc_id", router.displayName() + " is not a router of the VPC", vpc.id());
        }
    }

    /** Orders rules by the position of their public address in {@code ips} (stable; unknown addresses last). */
    static <T> List<T> byAddressOrder(List<T> rules, Function<T, IpAddress> address, List<PublicIpAddress> ips) {
        List<IpAddress> order = ips.stream().map(PublicIpAddress::address).toList();
        return rules.stream().sorted(java.util.Comparator.comparingInt(rule -> {
            int position = order.indexOf(address.apply(rule));
            return position < 0 ? Integer.MAX_VALUE : position;
        })).toList();
    }
}
