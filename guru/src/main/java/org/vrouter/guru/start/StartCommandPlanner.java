package org.vrouter.guru.start;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.setup.NetworkCommandFactory;
import org.vrouter.commands.setup.VmCommandFactory;

/**
 * The batch a router gets right after it boots (management-side §8.2): {@code checkSsh},
 * {@code getDomRVersion}, then for each guest network, inside aggregation start and finish, its
 * public addresses, egress and IPv6 firewall, static NAT, ingress firewall, port forwarding,
 * remote-access VPN, load balancing, a VPC tier's ACL, the monitor service and the VMs' DHCP
 * entries and data. A step runs only when the virtual router provides its service in the network
 * and has something to send; the rule-bound steps only when the network has public addresses. The
 * batch stops at the first failure.
 *
 * <p>This class owns the order, the conditions and the rule selection; the commands themselves come
 * from a {@link NetworkCommandFactory} and a {@link VmCommandFactory}. Ids: {@code checkSsh} and
 * {@code getDomRVersion} as in CloudStack, then {@code <step>:<networkId>} (with {@code :<n>} when a
 * step yields several commands), e.g. {@code firewallEgress:204}, {@code dhcp:204},
 * {@code vpn:204:1}. Stateless and thread-safe.
 *
 * <p>VPC tiers (management-side §8.3): when the router's NIC in the tier is known, the tier's guest
 * network is set up before its aggregation, and its ACL names that NIC; plugging the NICs is the
 * router manager's part. A shared network's active IP aliases follow the rules
 * ({@code ipalias:<networkId>}). VM data knows the network's static NATs, so {@code public-ipv4}
 * of a static-NATed VM is its own public address.
 *
 * <p>Differences from CloudStack, both harmless to a router: IP association is sent whenever the
 * network has public addresses (CloudStack only when the provider also runs the firewall); the
 * {@code networkUsage} command is not part of the batch (the router manager reads counters on demand).
 */
public final class StartCommandPlanner {
    private static final Cidr ANY_IPV4 = Cidr.parse("0.0.0.0/0");
    private static final Cidr ANY_IPV6 = Cidr.parse("::/0");

    private final NetworkCommandFactory networkCommands;
    private final VmCommandFactory vmCommands;

    public StartCommandPlanner(NetworkCommandFactory networkCommands, VmCommandFactory vmCommands) {
        this.networkCommands = requireNonNull(networkCommands, "networkCommands is null");
        this.vmCommands = requireNonNull(vmCommands, "vmCommands is null");
    }

    /**
     * The start batch of {@code router}.
     *
     * @param router the router with its control address and its address in each guest network set
     * @param networks the configuration of each guest network the router serves, in NIC order
     * @throws InvalidParameterException when the router has no control address or does not serve a network
     */
    public Commands plan(DomainRouter router, List<NetworkConfiguration> networks) {
        return plan(router, List.of(), networks);
    }

    /**
     * The start batch of {@code router} whose NICs are {@code routerNics} (its profile's): a VPC
     * tier whose router NIC is among them first gets its guest network set up
     * ({@code setupguestnetwork:<networkId>}), and its ACL names that NIC.
     *
     * @param router the router with its control address and its address in each guest network set
     * @param routerNics the router's NICs, VPC tier NICs included; may be empty
     * @param networks the configuration of each guest network the router serves, in NIC order
     * @throws InvalidParameterException when the router has no control address or does not serve a network
     */
    public Commands plan(DomainRouter router, List<Nic> routerNics, List<NetworkConfiguration> networks) {
        IpAddress controlIp = router.controlIp().orElseThrow(() -> new InvalidParameterException("router_ip",
                "is missing: " + router.displayName() + " has no control address to reach it at"));
        Commands.Builder batch = Commands.builder(Commands.OnError.STOP);
        batch.add(CommandIds.CHECK_SSH, CheckSshCommand.of(router.instanceName(), controlIp));
        batch.add(CommandIds.GET_DOMR_VERSION, new GetDomRVersionCommand(
                AccessDetails.builder().routerIp(controlIp).routerName(router.instanceName()).build()));
        for (int i = 0; i < networks.size(); i++) {
            Network network = networks.get(i).network();
            if (!router.serves(network.id())) {
                throw new InvalidParameterException("networks[" + i + "].network_id", "is not served by " + router.displayName(), network.id());
            }
            Optional<Nic> tierNic = network.isVpcTier() ? routerNics.stream()
                    .filter(nic -> nic.trafficType() == TrafficType.GUEST && nic.networkId() == network.id()).findFirst() : Optional.empty();
            networkSteps(new Steps(batch, router, network.id()), router, controlIp, networks.get(i), tierNic);
        }
        return batch.build();
    }

    private void networkSteps(Steps steps, DomainRouter router, IpAddress controlIp, NetworkConfiguration config, Optional<Nic> tierNic) {
        Network network = config.network();
        if (tierNic.isPresent()) {
            steps.add(CommandIds.SETUP_GUEST_NETWORK, networkCommands.setupGuestNetwork(router, network, tierNic.get()));
        }
        steps.add("aggregationStart", List.of(aggregation(AggregationControlCommand.Action.START, router, controlIp, network)));
        addressAndRuleSteps(steps, router, config);
        if (network.isVpcTier() && provides(network, Service.NETWORK_ACL)) {
            steps.addIfAny("networkAcl", config.aclItems(), items -> tierNic.isPresent()
                    ? networkCommands.networkAcl(router, network, tierNic.get(), items)
                    : networkCommands.networkAcl(router, network, items));
        }
        // CloudStack restates the active aliases only: a booting router has none to remove
        if (provides(network, Service.DHCP)) {
            steps.addIfAny(CommandIds.IP_ALIAS, config.ipAliases().stream().filter(alias -> !alias.revoked()).toList(),
                    aliases -> networkCommands.ipAliases(router, network, aliases));
        }
        // CloudStack leaves monitoring to keepalived's checks on redundant routers
        if (!router.redundant()) {
            steps.add(CommandIds.MONITOR, networkCommands.monitorService(router, network));
        }
        List<VirtualMachineProfile> vms = config.vms().stream().filter(vm -> vm.vm().state().needsNetworkConfiguration()).toList();
        if (provides(network, Service.DHCP) || provides(network, Service.DNS)) {
            steps.addIfAny(CommandIds.DHCP, vms, list -> vmCommands.dhcpEntries(router, network, list));
        }
        if (provides(network, Service.USER_DATA)) {
            steps.addIfAny(CommandIds.VM_DATA, vms, list -> vmCommands.vmData(router, network, list, staticNatIps(config)));
        }
        steps.add("aggregationFinish", List.of(aggregation(AggregationControlCommand.Action.FINISH, router, controlIp, network)));
    }

    /** Public addresses come first: every rule after them refers to one. */
    private void addressAndRuleSteps(Steps steps, DomainRouter router, NetworkConfiguration config) {
        Network network = config.network();
        boolean hasPublicIps = !config.publicIps().isEmpty();
        if (hasPublicIps) {
            steps.add("ipAssoc", networkCommands.ipAssociation(router, network, config.publicIps()));
        }
        boolean firewall = provides(network, Service.FIREWALL);
        if (firewall) {
            steps.addIfAny("firewallEgress", egressRules(config), rules -> networkCommands.firewallRules(router, network, rules));
            if (network.ip6Cidr().isPresent()) {
                steps.addIfAny("firewallIpv6", ipv6Rules(config), rules -> networkCommands.firewallRules(router, network, rules));
            }
        }
        if (!hasPublicIps) {
            return;
        }
        if (provides(network, Service.STATIC_NAT)) {
            steps.addIfAny("staticNat", config.staticNats(), nats -> networkCommands.staticNats(router, network, nats));
        }
        if (firewall) {
            List<FirewallRule> ingress = select(config, rule -> rule.direction() == Direction.INGRESS && rule.purpose() == Purpose.FIREWALL);
            steps.addIfAny("firewallIngress", ingress, rules -> networkCommands.firewallRules(router, network, rules));
        }
        if (provides(network, Service.PORT_FORWARDING)) {
            steps.addIfAny("portForwarding", config.portForwardingRules(), rules -> networkCommands.portForwardingRules(router, network, rules));
        }
        if (provides(network, Service.VPN) && config.remoteAccessVpn().isPresent()) {
            steps.add("vpn", networkCommands.remoteAccessVpn(router, network, config.remoteAccessVpn().get(), config.vpnUsers()));
        }
        if (provides(network, Service.LB)) {
            steps.addIfAny("loadBalancing", config.loadBalancingRules(), rules -> networkCommands.loadBalancingRules(router, network, rules));
        }
    }

    /**
     * The saved egress rules, then, under an allow-by-default offering, a System rule allowing the
     * guest CIDR out: the router itself denies egress by default.
     */
    static List<FirewallRule> egressRules(NetworkConfiguration config) {
        List<FirewallRule> rules = select(config, rule -> rule.direction() == Direction.EGRESS && rule.purpose() == Purpose.FIREWALL);
        Network network = config.network();
        if (network.offering().egressDefaultPolicy().isAllow() && network.cidr().isPresent()) {
            rules.add(systemEgressRule(network, network.cidr().get(), ANY_IPV4, Purpose.FIREWALL));
        }
        return rules;
    }

    /** The saved IPv6 rules and, under an allow-by-default offering, the System egress rule for the IPv6 CIDR. */
    static List<FirewallRule> ipv6Rules(NetworkConfiguration config) {
        List<FirewallRule> rules = select(config, rule -> rule.purpose() == Purpose.IPV6_FIREWALL);
        Network network = config.network();
        if (network.offering().egressDefaultPolicy().isAllow() && network.ip6Cidr().isPresent()) {
            rules.add(systemEgressRule(network, network.ip6Cidr().get(), ANY_IPV6, Purpose.IPV6_FIREWALL));
        }
        return rules;
    }

    private static FirewallRule systemEgressRule(Network network, Cidr source, Cidr destination, Purpose purpose) {
        return FirewallRule.egress(0, network.id(), Protocol.ALL)
                .sourceCidrs(List.of(source))
                .destinationCidrs(List.of(destination))
                .purpose(purpose)
                .type(FirewallRule.Type.SYSTEM)
                .build();
    }

    /**
     * VM address to the public address static-NATed to it: the addresses marked one-to-one NAT
     * (not Releasing), then the configuration's active static NATs.
     */
    static Map<IpAddress, IpAddress> staticNatIps(NetworkConfiguration config) {
        Map<IpAddress, IpAddress> byVm = new LinkedHashMap<>();
        config.publicIps().stream()
                .filter(ip -> ip.oneToOneNat() && ip.state() != PublicIpAddress.State.RELEASING && ip.associatedVmIp().isPresent())
                .forEach(ip -> byVm.putIfAbsent(ip.associatedVmIp().get(), ip.address()));
        config.staticNats().stream().filter(nat -> !nat.revoked()).forEach(nat -> byVm.putIfAbsent(nat.vmIp(), nat.publicIp()));
        return byVm;
    }

    private static List<FirewallRule> select(NetworkConfiguration config, Predicate<FirewallRule> filter) {
        return new ArrayList<>(config.firewallRules().stream().filter(filter).toList());
    }

    private static boolean provides(Network network, Service service) {
        return network.isProvidedBy(service, network.isVpcTier() ? Provider.VPC_VIRTUAL_ROUTER : Provider.VIRTUAL_ROUTER);
    }

    private static AggregationControlCommand aggregation(AggregationControlCommand.Action action, DomainRouter router, IpAddress controlIp,
            Network network) {
        return router.guestIp(network.id())
                .map(guestIp -> AggregationControlCommand.of(action, router.instanceName(), controlIp, guestIp))
                .orElseGet(() -> AggregationControlCommand.of(action, router.instanceName(), controlIp));
    }

    /** Adds a network's commands to the batch under {@code <step>:<networkId>[:<n>]}, checking each names the router. */
    private static final class Steps {
        private final Commands.Builder batch;
        private final DomainRouter router;
        private final long networkId;

        private Steps(Commands.Builder batch, DomainRouter router, long networkId) {
            this.batch = batch;
            this.router = router;
            this.networkId = networkId;
        }

        <T> void addIfAny(String step, List<T> values, Function<List<T>, List<NetworkElementCommand>> build) {
            if (!values.isEmpty()) {
                add(step, build.apply(values));
            }
        }

        void add(String step, List<? extends NetworkElementCommand> commands) {
            requireNonNull(commands, () -> "the factory returned null for step " + step);
            String id = step + ":" + networkId;
            for (int i = 0; i < commands.size(); i++) {
                NetworkElementCommand command = requireNonNull(commands.get(i), () -> "the factory returned a null command for step " + step);
                String named = command.accessDetails().routerName().orElse(router.instanceName());
                if (!named.equals(router.instanceName())) {
                    throw new IllegalStateException("step " + step + " of network " + networkId + " built a command for " + named
                            + " instead of " + router.instanceName() + ": " + command.getClass().getSimpleName());
                }
                batch.add(commands.size() == 1 ? id : id + ":" + i, command);
            }
        }
    }
}
