package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.LoadBalancerRule;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.databag.IpsBag;
import org.vrouter.router.databag.PortForwardEntry;
import org.vrouter.router.databag.StaticNatEntry;

/**
 * Maps the databags of an isolated router ({@code type=router}) or a shared-network router
 * ({@code dhcpsrvr}, which has no public side) into the {@link IsolatedFirewallInput}: a pure function.
 *
 * <ul>
 *   <li>control interface: the {@code ips} device with {@code nw_type} control, else {@code eth1ip}
 *       of the boot arguments;</li>
 *   <li>guest interfaces: each {@code ips} device with a guest address (its first address, the
 *       primary); public addresses: every public {@code ips} entry with its {@code source_nat} flag;</li>
 *   <li>{@code firewallrules}: {@code traffic_type} Ingress (or, without one, a rule with a
 *       {@code src_ip}) is an ingress rule of that address; the rest is egress. CloudStack's default
 *       egress rule (protocol {@code all} with no source CIDRs, or a {@code System} rule) is not a rule
 *       but the policy: its {@code default_egress_policy} decides; without it, the flag of the egress
 *       rules; without egress rules, DENY, the router's own default;</li>
 *   <li>{@code forwardingrules}: port forwards and static NATs; {@code loadbalancer}: an opening per
 *       {@code add_rules} and {@code stat_rules} entry; {@code remoteaccessvpn}: every enabled server;
 *       {@code redundant_router} opens VRRP and conntrackd.</li>
 * </ul>
 *
 * <p>An entry that refers to a public address the router does not hold (a rule left behind by an
 * address released out of order), or sends traffic to an address outside every guest network, is left
 * out and reported to {@code ignored}, rather than holding back the whole firewall; so is a rule whose
 * source CIDRs are all IPv6 (the IPv6 firewall is another ruleset). Conflicts between valid entries (a
 * static NAT on the source-NAT address, two forwards taking one port) are errors.
 */
public final class IsolatedFirewallInputs {
    private IsolatedFirewallInputs() {}

    /**
     * The firewall input the databags describe.
     *
     * @param ignored receives one line per databag entry left out, naming the bag, the entry and why
     * @throws InvalidParameterException naming the bag and field when the bags do not make a valid input
     *     (no control address, a rule with an invalid match, conflicting NAT)
     */
    public static IsolatedFirewallInput from(Databags bags, Consumer<String> ignored) {
        requireNonNull(bags, "bags is null");
        requireNonNull(ignored, "ignored is null");
        IpsBag ips = bags.ips();
        IsolatedFirewallInput.Builder input = IsolatedFirewallInput.builder(control(ips, bags.cmdLine()));
        List<GuestNic> guests = guests(ips);
        guests.forEach(input::guest);
        Map<IpAddress, PublicAddress> publics = new HashMap<>();
        for (String device : ips.devicesOf(TrafficType.PUBLIC)) {
            for (IpEntry entry : ips.entries(device)) {
                if (entry.nwType() == TrafficType.PUBLIC) {
                    PublicAddress address = new PublicAddress(device, entry.cidr(), entry.sourceNat());
                    publics.put(address.ip(), address);
                    input.publicAddress(address);
                }
            }
        }
        new FirewallRules(input, publics, ignored).add(bags.firewallRules().rules().values());
        addNat(bags, input, publics, guests, ignored);
        addLoadBalancer(bags, input);
        for (RemoteAccessVpnPayload server : bags.remoteAccessVpn().servers().values()) {
            if (publics.containsKey(server.vpnServerIp())) {
                input.remoteAccessVpn(new RemoteAccessVpnOpening(server.vpnServerIp(), server.localIp(), server.localCidr().network()));
            }
            else {
                ignored.accept("remoteaccessvpn[" + server.vpnServerIp() + "]: not an address of this router");
            }
        }
        return input.redundant(bags.cmdLine().isRedundant()).build();
    }

    private static ControlNic control(IpsBag ips, CmdLineBag cmdLine) {
        for (String device : ips.devicesOf(TrafficType.CONTROL)) {
            for (IpEntry entry : ips.entries(device)) {
                if (entry.nwType() == TrafficType.CONTROL) {
                    return new ControlNic(device, entry.publicIp());
                }
            }
        }
        String address = cmdLine.get("eth1ip")
                .orElseThrow(() -> new InvalidParameterException("ips", "no control address (nw_type control) and no eth1ip boot argument"));
        return new ControlNic("eth1", IpAddress.parse("cmdline.eth1ip", address));
    }

    private static List<GuestNic> guests(IpsBag ips) {
        List<GuestNic> guests = new ArrayList<>();
        for (String device : ips.devicesOf(TrafficType.GUEST)) {
            ips.entries(device).stream().filter(entry -> entry.nwType() == TrafficType.GUEST).findFirst()
                    .ifPresent(entry -> guests.add(new GuestNic(device, entry.publicIp(), entry.network())));
        }
        return guests;
    }

    private static void addNat(Databags bags, IsolatedFirewallInput.Builder input, Map<IpAddress, PublicAddress> publics,
            List<GuestNic> guests, Consumer<String> ignored) {
        for (PortForwardEntry forward : bags.forwardingRules().portForwards()) {
            String entry = "forwardingrules[" + forward.publicIp() + "] " + forward.protocol() + " " + forward.publicPorts().toColonForm();
            Optional<String> problem = natProblem(forward.publicIp(), forward.internalIp(), publics, guests);
            if (problem.isPresent()) {
                ignored.accept(entry + ": " + problem.get());
                continue;
            }
            Optional<List<Cidr>> sources = ipv4Only(forward.sourceCidrList().map(CidrList::cidrs).orElse(List.of()));
            if (sources.isEmpty()) {
                ignored.accept(entry + ": source_cidr_list holds only IPv6 networks");
                continue;
            }
            try {
                input.portForward(new PortForward(forward.publicIp(), Protocol.parse("protocol", forward.protocol()), forward.publicPorts(),
                        forward.internalIp(), forward.internalPorts(), sources.get()));
            }
            catch (InvalidParameterException e) {
                throw e.within(entry + ".");
            }
        }
        for (StaticNatEntry nat : bags.forwardingRules().staticNats()) {
            Optional<String> problem = natProblem(nat.publicIp(), nat.internalIp(), publics, guests);
            if (problem.isPresent()) {
                ignored.accept("forwardingrules[" + nat.publicIp() + "] staticnat: " + problem.get());
            }
            else {
                input.staticNat(new StaticNat(nat.publicIp(), nat.internalIp()));
            }
        }
    }

    private static Optional<String> natProblem(IpAddress publicIp, IpAddress internalIp, Map<IpAddress, PublicAddress> publics,
            List<GuestNic> guests) {
        if (!publics.containsKey(publicIp)) {
            return Optional.of("not an address of this router");
        }
        if (guests.stream().noneMatch(guest -> guest.network().contains(internalIp))) {
            return Optional.of("internal_ip " + internalIp + " is in no guest network of this router");
        }
        return Optional.empty();
    }

    private static void addLoadBalancer(Databags bags, IsolatedFirewallInput.Builder input) {
        List<LoadBalancerRule> rules = bags.loadBalancer().rules();
        for (int r = 0; r < rules.size(); r++) {
            LoadBalancerRule rule = rules.get(r);
            for (int i = 0; i < rule.addRules().size(); i++) {
                input.loadBalancer(LoadBalancerOpening.parseListener("loadbalancer[" + r + "].add_rules[" + i + "]", rule.addRules().get(i)));
            }
            for (int i = 0; i < rule.statRules().size(); i++) {
                input.loadBalancer(LoadBalancerOpening.parseStats("loadbalancer[" + r + "].stat_rules[" + i + "]", rule.statRules().get(i)));
            }
        }
    }

    /** The IPv4 networks of a list; empty when the list named only IPv6 ones (the rule must then not match everything). */
    static Optional<List<Cidr>> ipv4Only(List<Cidr> cidrs) {
        List<Cidr> ipv4 = cidrs.stream().filter(Cidr::isIpv4).toList();
        return cidrs.isEmpty() || !ipv4.isEmpty() ? Optional.of(ipv4) : Optional.empty();
    }

    /** The {@code firewallrules} part: ingress rules per public address, egress rules and the egress policy. */
    private static final class FirewallRules {
        private final IsolatedFirewallInput.Builder input;
        private final Map<IpAddress, PublicAddress> publics;
        private final Consumer<String> ignored;

        FirewallRules(IsolatedFirewallInput.Builder input, Map<IpAddress, PublicAddress> publics, Consumer<String> ignored) {
            this.input = input;
            this.publics = publics;
            this.ignored = ignored;
        }

        void add(Iterable<FirewallRule> rules) {
            Optional<Boolean> defaultRule = Optional.empty();
            Optional<Boolean> egressFlag = Optional.empty();
            for (FirewallRule rule : rules) {
                String entry = "firewallrules[" + rule.id() + "]";
                if (isIngress(rule)) {
                    ingress(rule, entry);
                }
                else if (isDefaultEgress(rule)) {
                    defaultRule = Optional.of(rule.defaultEgressPolicy());
                }
                else {
                    egressFlag = egressFlag.or(() -> Optional.of(rule.defaultEgressPolicy()));
                    egress(rule, entry);
                }
            }
            input.egressPolicy(EgressPolicy.fromDefaultEgressPolicy(defaultRule.isPresent() ? defaultRule.get() : egressFlag.orElse(false)));
        }

        private void ingress(FirewallRule rule, String entry) {
            IpAddress publicIp = rule.sourceIp().orElseThrow(() -> new InvalidParameterException(entry + ".src_ip", "an ingress rule needs one"));
            if (!publics.containsKey(publicIp)) {
                ignored.accept(entry + ": src_ip " + publicIp + " is not a public address of this router");
                return;
            }
            Optional<List<Cidr>> sources = ipv4Only(rule.sourceCidrList());
            if (sources.isEmpty()) {
                ignored.accept(entry + ": source_cidr_list holds only IPv6 networks");
                return;
            }
            try {
                input.ingress(new IngressRule(rule.id(), publicIp, match(rule), sources.get()));
            }
            catch (InvalidParameterException e) {
                throw e.within(entry + ".");
            }
        }

        private void egress(FirewallRule rule, String entry) {
            Optional<List<Cidr>> sources = ipv4Only(rule.sourceCidrList());
            Optional<List<Cidr>> destinations = ipv4Only(rule.destCidrList());
            if (sources.isEmpty() || destinations.isEmpty()) {
                ignored.accept(entry + ": " + (sources.isEmpty() ? "source_cidr_list" : "dest_cidr_list") + " holds only IPv6 networks");
                return;
            }
            try {
                input.egress(new EgressRule(rule.id(), match(rule), sources.get(), destinations.get()));
            }
            catch (InvalidParameterException e) {
                throw e.within(entry + ".");
            }
        }

        private static boolean isIngress(FirewallRule rule) {
            return rule.trafficType().map(FirewallRule.INGRESS::equals).orElse(rule.sourceIp().isPresent());
        }

        /** CloudStack's default egress rule, which carries the policy rather than an exception to it. */
        private static boolean isDefaultEgress(FirewallRule rule) {
            return rule.protocol().equals("all") && (rule.sourceCidrList().isEmpty() || rule.type().map("System"::equals).orElse(false));
        }

        private static ProtocolMatch match(FirewallRule rule) {
            Protocol protocol = Protocol.parse("protocol", rule.protocol());
            if (protocol.isIcmp()) {
                return ProtocolMatch.icmp(new Icmp(rule.icmpType().orElse(-1), rule.icmpCode().orElse(-1)));
            }
            if (protocol.hasPorts()) {
                return rule.ports().map(ports -> ProtocolMatch.ports(protocol, ports)).orElseGet(() -> ProtocolMatch.allPorts(protocol));
            }
            return ProtocolMatch.all();
        }
    }
}
