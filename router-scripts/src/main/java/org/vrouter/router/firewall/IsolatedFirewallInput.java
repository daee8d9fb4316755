package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * Everything the IPv4 firewall of an isolated router ({@code type=router}) is rendered from: its
 * interfaces and addresses, firewall rules, NAT rules and the ports its daemons open. The converge
 * maps the databags into it ({@code ips}, {@code cmdline}, {@code firewallrules},
 * {@code forwardingrules}, {@code loadbalancer}, {@code remoteaccessvpn}); it holds only what is in
 * force: revoked rules and removed addresses are simply absent. Immutable and consistent: every rule
 * refers to a public address of the router and every NAT target lies in a guest network.
 *
 * <p>Order of the lists does not matter: {@link IsolatedFirewallRenderer} sorts what it renders,
 * so the same rules in another order give the same ruleset.
 *
 * @param control the control interface (SSH 3922)
 * @param guests the guest interfaces
 * @param publicAddresses the public addresses in force, any number per interface, at most one
 *     source-NAT address per interface
 * @param ingressRules ingress firewall rules
 * @param egressPolicy the default egress policy
 * @param egressRules the egress rules, the exceptions to the policy
 * @param portForwards port forwards, no two taking the same public port of an address and protocol
 * @param staticNats one-to-one NATs, at most one per public address, never on a source-NAT address
 * @param loadBalancerOpenings haproxy listeners and statistics page
 * @param remoteAccessVpns remote-access VPN servers, at most one per public address
 * @param redundant whether the router is one of a redundant pair (opens VRRP and conntrackd sync)
 */
public record IsolatedFirewallInput(ControlNic control, List<GuestNic> guests, List<PublicAddress> publicAddresses,
        List<IngressRule> ingressRules, EgressPolicy egressPolicy, List<EgressRule> egressRules,
        List<PortForward> portForwards, List<StaticNat> staticNats, List<LoadBalancerOpening> loadBalancerOpenings,
        List<RemoteAccessVpnOpening> remoteAccessVpns, boolean redundant) {
    public IsolatedFirewallInput {
        requireNonNull(control, "control is null");
        guests = List.copyOf(requireNonNull(guests, "guests is null"));
        publicAddresses = List.copyOf(requireNonNull(publicAddresses, "publicAddresses is null"));
        ingressRules = List.copyOf(requireNonNull(ingressRules, "ingressRules is null"));
        requireNonNull(egressPolicy, "egressPolicy is null");
        egressRules = List.copyOf(requireNonNull(egressRules, "egressRules is null"));
        portForwards = List.copyOf(requireNonNull(portForwards, "portForwards is null"));
        staticNats = List.copyOf(requireNonNull(staticNats, "staticNats is null"));
        loadBalancerOpenings = List.copyOf(requireNonNull(loadBalancerOpenings, "loadBalancerOpenings is null"));
        remoteAccessVpns = List.copyOf(requireNonNull(remoteAccessVpns, "remoteAccessVpns is null"));
        checkDevices(control, guests, publicAddresses);
        Map<IpAddress, PublicAddress> publics = NatChecks.byIp(publicAddresses);
        checkRules(publics, ingressRules, egressRules);
        NatChecks.check(publics, guests, portForwards, staticNats);
        checkVpns(publics, remoteAccessVpns);
    }

    public static Builder builder(ControlNic control) {
        return new Builder(control);
    }

    private static void checkDevices(ControlNic control, List<GuestNic> guests, List<PublicAddress> publics) {
        Set<String> guestDevices = new HashSet<>();
        for (int i = 0; i < guests.size(); i++) {
            GuestNic guest = guests.get(i);
            if (guest.device().equals(control.device()) || !guestDevices.add(guest.device())) {
                throw new InvalidParameterException("guests[" + i + "].device", "is already the control or another guest interface",
                        guest.device());
            }
            for (int j = 0; j < i; j++) {
                if (guest.network().contains(guests.get(j).network().address())
                        || guests.get(j).network().contains(guest.network().address())) {
                    throw new InvalidParameterException("guests[" + i + "].network", "overlaps the network of "
                            + guests.get(j).device(), guest.network());
                }
            }
        }
        Set<String> sourceNatDevices = new HashSet<>();
        for (int i = 0; i < publics.size(); i++) {
            PublicAddress address = publics.get(i);
            if (address.device().equals(control.device()) || guestDevices.contains(address.device())) {
                throw new InvalidParameterException("public_addresses[" + i + "].device",
                        "is the control or a guest interface", address.device());
            }
            if (address.sourceNat() && !sourceNatDevices.add(address.device())) {
                throw new InvalidParameterException("public_addresses[" + i + "].source_nat",
                        "a second source-NAT address on " + address.device(), address.ip());
            }
        }
    }

    private static void checkRules(Map<IpAddress, PublicAddress> publics, List<IngressRule> ingress, List<EgressRule> egress) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < ingress.size(); i++) {
            IngressRule rule = ingress.get(i);
            NatChecks.requirePublic(publics, rule.publicIp(), "ingress_rules[" + i + "].src_ip");
            if (!ids.add(rule.id())) {
                throw new InvalidParameterException("ingress_rules[" + i + "].id", "is given twice", rule.id());
            }
        }
        for (int i = 0; i < egress.size(); i++) {
            if (!ids.add(egress.get(i).id())) {
                throw new InvalidParameterException("egress_rules[" + i + "].id", "is given twice (ingress and egress ids are one space)",
                        egress.get(i).id());
            }
        }
    }

    private static void checkVpns(Map<IpAddress, PublicAddress> publics, List<RemoteAccessVpnOpening> vpns) {
        Set<IpAddress> servers = new HashSet<>();
        for (int i = 0; i < vpns.size(); i++) {
            String field = "remote_access_vpns[" + i + "].vpn_server_ip";
            NatChecks.requirePublic(publics, vpns.get(i).publicIp(), field);
            if (!servers.add(vpns.get(i).publicIp())) {
                throw new InvalidParameterException(field, "has a second VPN server", vpns.get(i).publicIp());
            }
        }
    }

    /** Collects an input; {@link #build()} validates it. Not thread-safe. */
    public static final class Builder {
        private final ControlNic control;
        private final List<GuestNic> guests = new ArrayList<>();
        private final List<PublicAddress> publicAddresses = new ArrayList<>();
        private final List<IngressRule> ingressRules = new ArrayList<>();
        private EgressPolicy egressPolicy = EgressPolicy.DENY;
        private final List<EgressRule> egressRules = new ArrayList<>();
        private final List<PortForward> portForwards = new ArrayList<>();
        private final List<StaticNat> staticNats = new ArrayList<>();
        private final List<LoadBalancerOpening> loadBalancerOpenings = new ArrayList<>();
        private final List<RemoteAccessVpnOpening> remoteAccessVpns = new ArrayList<>();
        private boolean redundant;

        private Builder(ControlNic control) {
            this.control = requireNonNull(control, "control is null");
        }

        public Builder guest(GuestNic guest) {
            guests.add(requireNonNull(guest, "guest is null"));
            return this;
        }

        public Builder publicAddress(PublicAddress address) {
            publicAddresses.add(requireNonNull(address, "address is null"));
            return this;
        }

        public Builder ingress(IngressRule rule) {
            ingressRules.add(requireNonNull(rule, "rule is null"));
            return this;
        }

        /** The default egress policy; DENY unless set. */
        public Builder egressPolicy(EgressPolicy policy) {
            egressPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        public Builder egress(EgressRule rule) {
            egressRules.add(requireNonNull(rule, "rule is null"));
            return this;
        }

        public Builder portForward(PortForward forward) {
            portForwards.add(requireNonNull(forward, "forward is null"));
            return this;
        }

        public Builder staticNat(StaticNat nat) {
            staticNats.add(requireNonNull(nat, "nat is null"));
            return this;
        }

        public Builder loadBalancer(LoadBalancerOpening opening) {
            loadBalancerOpenings.add(requireNonNull(opening, "opening is null"));
            return this;
        }

        public Builder remoteAccessVpn(RemoteAccessVpnOpening vpn) {
            remoteAccessVpns.add(requireNonNull(vpn, "vpn is null"));
            return this;
        }

        public Builder redundant(boolean value) {
            redundant = value;
            return this;
        }

        public IsolatedFirewallInput build() {
            return new IsolatedFirewallInput(control, guests, publicAddresses, ingressRules, egressPolicy, egressRules,
                    portForwards, staticNats, loadBalancerOpenings, remoteAccessVpns, redundant);
        }
    }
}
