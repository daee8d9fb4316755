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
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.databag.IpsBag;
import org.vrouter.router.memo.IdentityMemo;

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
        return from(bags, ignored, new IdentityMemo<>());
    }

    /**
     * {@link #from(Databags, Consumer)}, taking each {@code firewallrules} entry's mapped rule from {@code rules}
     * when the same entry was mapped in the previous call: one more rule at 10,000 maps one rule.
     */
    public static IsolatedFirewallInput from(Databags bags, Consumer<String> ignored, IdentityMemo<FirewallRule, MappedRule> rules) {
        requireNonNull(bags, "bags is null");
        requireNonNull(ignored, "ignored is null");
        requireNonNull(rules, "rules is null");
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
        new FirewallRules(input, publics, ignored, rules).add(bags.firewallRules().rules().values());
        NatInputs.portForwards(bags, publics.keySet(), guests, ignored).forEach(input::portForward);
        NatInputs.staticNats(bags, publics.keySet(), guests, ignored).forEach(input::staticNat);
        NatInputs.loadBalancers(bags).forEach(input::loadBalancer);
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

    /**
     * A {@code firewallrules} entry as mapped, a pure function of the entry: an ingress rule (its public address,
     * and the rule), an egress rule, or CloudStack's default egress rule (neither); the rule is empty when the
     * entry's CIDR lists hold only IPv6 networks (then {@code ipv6Only} names the list).
     */
    public record MappedRule(Optional<IpAddress> publicIp, Optional<IngressRule> ingress, Optional<EgressRule> egress, String ipv6Only) {
        public MappedRule {
            requireNonNull(publicIp, "publicIp is null");
            requireNonNull(ingress, "ingress is null");
            requireNonNull(egress, "egress is null");
            requireNonNull(ipv6Only, "ipv6Only is null");
        }

        /** CloudStack's default egress rule, which carries the policy rather than an exception to it. */
        boolean defaultEgress() {
            return publicIp.isEmpty() && egress.isEmpty() && ipv6Only.isEmpty();
        }
    }

    /** The {@code firewallrules} part: ingress rules per public address, egress rules and the egress policy. */
    private static final class FirewallRules {
        private final IsolatedFirewallInput.Builder input;
        private final Map<IpAddress, PublicAddress> publics;
        private final Consumer<String> ignored;
        private final IdentityMemo<FirewallRule, MappedRule> memo;

        FirewallRules(IsolatedFirewallInput.Builder input, Map<IpAddress, PublicAddress> publics, Consumer<String> ignored,
                IdentityMemo<FirewallRule, MappedRule> memo) {
            this.input = input;
            this.publics = publics;
            this.ignored = ignored;
            this.memo = memo;
            memo.start(MappedRule.class);
        }

        void add(Iterable<FirewallRule> rules) {
            Optional<Boolean> defaultRule = Optional.empty();
            Optional<Boolean> egressFlag = Optional.empty();
            for (FirewallRule rule : rules) {
                String entry = "firewallrules[" + rule.id() + "]";
                MappedRule mapped = memo.get(rule, unmapped -> map(unmapped, entry));
                if (mapped.publicIp().isPresent()) {
                    ingress(mapped, entry);
                }
                else if (mapped.defaultEgress()) {
                    defaultRule = Optional.of(rule.defaultEgressPolicy());
                }
                else {
                    egressFlag = egressFlag.or(() -> Optional.of(rule.defaultEgressPolicy()));
                    egress(mapped, entry);
                }
            }
            input.egressPolicy(EgressPolicy.fromDefaultEgressPolicy(defaultRule.isPresent() ? defaultRule.get() : egressFlag.orElse(false)));
        }

        /** Classifies and maps an entry: a pure function of it, kept in the memo. */
        private static MappedRule map(FirewallRule rule, String entry) {
            if (isIngress(rule)) {
                return mapIngress(rule, entry);
            }
            if (isDefaultEgress(rule)) {
                return new MappedRule(Optional.empty(), Optional.empty(), Optional.empty(), "");
            }
            return mapEgress(rule, entry);
        }

        private void ingress(MappedRule mapped, String entry) {
            IpAddress publicIp = mapped.publicIp().orElseThrow();
            if (!publics.containsKey(publicIp)) {
                ignored.accept(entry + ": src_ip " + publicIp + " is not a public address of this router");
            }
            else if (mapped.ingress().isEmpty()) {
                ignored.accept(entry + ": " + mapped.ipv6Only() + " holds only IPv6 networks");
            }
            else {
                input.ingress(mapped.ingress().get());
            }
        }

        private static MappedRule mapIngress(FirewallRule rule, String entry) {
            IpAddress publicIp = rule.sourceIp().orElseThrow(() -> new InvalidParameterException(entry + ".src_ip", "an ingress rule needs one"));
            Optional<List<Cidr>> sources = CidrLists.ipv4Only(rule.sourceCidrList());
            if (sources.isEmpty()) {
                return new MappedRule(Optional.of(publicIp), Optional.empty(), Optional.empty(), "source_cidr_list");
            }
            try {
                return new MappedRule(Optional.of(publicIp), Optional.of(new IngressRule(rule.id(), publicIp, match(rule), sources.get())),
                        Optional.empty(), "");
            }
            catch (InvalidParameterException e) {
                throw e.within(entry + ".");
            }
        }

        private void egress(MappedRule mapped, String entry) {
            if (mapped.egress().isEmpty()) {
                ignored.accept(entry + ": " + mapped.ipv6Only() + " holds only IPv6 networks");
            }
            else {
                input.egress(mapped.egress().get());
            }
        }

        private static MappedRule mapEgress(FirewallRule rule, String entry) {
            Optional<List<Cidr>> sources = CidrLists.ipv4Only(rule.sourceCidrList());
            Optional<List<Cidr>> destinations = CidrLists.ipv4Only(rule.destCidrList());
            if (sources.isEmpty() || destinations.isEmpty()) {
                return new MappedRule(Optional.empty(), Optional.empty(), Optional.empty(), sources.isEmpty() ? "source_cidr_list" : "dest_cidr_list");
            }
            try {
                return new MappedRule(Optional.empty(), Optional.empty(),
                        Optional.of(new EgressRule(rule.id(), match(rule), sources.get(), destinations.get())), "");
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
