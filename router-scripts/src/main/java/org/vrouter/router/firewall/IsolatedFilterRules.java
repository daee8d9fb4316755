package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.FILTER;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.net.PortRange;

/**
 * The filter table of an isolated router: the router's own services in {@code INPUT} (policy DROP),
 * forwarding in {@code FORWARD} (policy DROP) with the egress firewall in {@code FW_OUTBOUND} and
 * {@code FW_EGRESS_RULES}, and the {@code NETWORK_STATS} counters CloudStack's {@code netusage.sh}
 * reads.
 */
final class IsolatedFilterRules {
    static final String FW_OUTBOUND = "FW_OUTBOUND";
    static final String FW_EGRESS_RULES = "FW_EGRESS_RULES";
    static final String NETWORK_STATS = "NETWORK_STATS";
    private static final String VPN_CLIENTS = "ppp+";
    private static final String ESTABLISHED = "RELATED,ESTABLISHED";
    private static final String DNAT_STATE = "-m conntrack --ctstate DNAT";

    private final IsolatedRender render;
    private final RulesetBuilder rules;

    private IsolatedFilterRules(IsolatedRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(IsolatedRender render) {
        IsolatedFilterRules filter = new IsolatedFilterRules(render);
        filter.rules.policy(FILTER, "INPUT", Policy.DROP).policy(FILTER, "FORWARD", Policy.DROP)
                .policy(FILTER, "OUTPUT", Policy.ACCEPT);
        filter.input();
        filter.guestServices();
        filter.loadBalancers();
        filter.vpnServers();
        filter.forward();
        filter.rules.append(FILTER, "OUTPUT", rule().jump(NETWORK_STATS));
        filter.egress();
        filter.networkStats();
    }

    private void input() {
        input(rule().jump(NETWORK_STATS));
        rules.appendAll(FILTER, "INPUT", InputRules.base(render.input().control(), render.input().redundant()));
    }

    private void guestServices() {
        render.guests().forEach(guest -> rules.appendAll(FILTER, "INPUT", InputRules.guestServices(guest)));
    }

    private void loadBalancers() {
        rules.appendAll(FILTER, "INPUT", InputRules.loadBalancers(render.sets(), render.input().loadBalancerOpenings()));
    }

    private void vpnServers() {
        List<RemoteAccessVpnOpening> vpns = render.remoteAccessVpns();
        for (RemoteAccessVpnOpening vpn : vpns) {
            rules.appendAll(FILTER, "INPUT", VpnRules.remoteAccessInput(vpn.publicIp(), render.publicAddress(vpn.publicIp()).device()));
        }
        if (!vpns.isEmpty()) {
            input(rule().in(VPN_CLIENTS).ports("udp", PortRange.of(53)).jump("ACCEPT"));
            input(rule().in(VPN_CLIENTS).ports("tcp", PortRange.of(53)).jump("ACCEPT"));
        }
    }

    private void forward() {
        Set<String> lines = new LinkedHashSet<>();
        lines.add(rule().jump(NETWORK_STATS));
        for (String device : render.publicDevices()) {
            render.guests().forEach(guest -> lines.add(rule().in(device).out(guest.device()).state(ESTABLISHED).jump("ACCEPT")));
        }
        for (GuestNic guest : render.guests()) {
            lines.add(rule().in(guest.device()).out(guest.device()).state("NEW,RELATED,ESTABLISHED").jump("ACCEPT"));
        }
        for (PortForward forward : render.portForwards()) {
            String protocol = forward.protocol().name();
            lines.add(rule().destination(forward.vmIp()).in(render.publicAddress(forward.publicIp()).device())
                    .out(render.guestOf(forward.vmIp()).device()).ports(protocol, forward.vmPorts()).match(DNAT_STATE)
                    .jump("ACCEPT"));
        }
        for (StaticNat nat : render.staticNats()) {
            lines.add(rule().destination(nat.vmIp()).in(render.publicAddress(nat.publicIp()).device())
                    .out(render.guestOf(nat.vmIp()).device()).match(DNAT_STATE).jump("ACCEPT"));
        }
        for (RemoteAccessVpnOpening vpn : render.remoteAccessVpns()) {
            lines.add(rule().in(VPN_CLIENTS).out(VPN_CLIENTS).jump("ACCEPT"));
            lines.add(rule().source(vpn.localCidr()).out(VPN_CLIENTS).jump("ACCEPT"));
            lines.add(rule().destination(vpn.localCidr()).in(VPN_CLIENTS).jump("ACCEPT"));
        }
        for (GuestNic guest : render.guests()) {
            render.publicDevices().forEach(device -> lines.add(rule().in(guest.device()).out(device).jump(FW_OUTBOUND)));
        }
        rules.appendAll(FILTER, "FORWARD", List.copyOf(lines));
    }

    /** Guest traffic to the public side: replies pass, new connections meet the egress rules, then the policy. */
    private void egress() {
        rules.append(FILTER, FW_OUTBOUND, rule().state(ESTABLISHED).jump("ACCEPT"));
        rules.append(FILTER, FW_OUTBOUND, rule().jump(FW_EGRESS_RULES));
        EgressPolicy policy = render.input().egressPolicy();
        for (EgressRule egress : render.egressRules()) {
            boolean sourceSet = CidrSets.sourceAsSet(egress.sourceCidrs(), egress.destinationCidrs());
            boolean destinationSet = CidrSets.destinationAsSet(egress.sourceCidrs(), egress.destinationCidrs());
            List<CidrMatch> sources = render.sets().matches("sourceCidrIpset-" + egress.id(), egress.sourceCidrs(), sourceSet);
            List<CidrMatch> destinations = render.sets().matches("destCidrIpset-" + egress.id(), egress.destinationCidrs(),
                    destinationSet);
            for (CidrMatch source : sources) {
                for (CidrMatch destination : destinations) {
                    RuleLine line = rule().source(source).destination(destination);
                    egress.match().addTo(line);
                    rules.append(FILTER, FW_EGRESS_RULES, line.jump(policy.ruleTarget()));
                }
            }
        }
        rules.append(FILTER, FW_EGRESS_RULES, rule().jump(policy.defaultTarget()));
    }

    /** Byte counters between the guest and public interfaces: CloudStack's netusage.sh reads this chain. */
    private void networkStats() {
        rules.chain(FILTER, NETWORK_STATS);
        Optional<String> publicDevice = render.statsPublicDevice();
        if (render.guests().isEmpty() || publicDevice.isEmpty()) {
            return;
        }
        String guest = render.guests().get(0).device();
        String device = publicDevice.get();
        rules.append(FILTER, NETWORK_STATS, rule().in(guest).out(device).countOnly());
        rules.append(FILTER, NETWORK_STATS, rule().in(device).out(guest).countOnly());
        rules.append(FILTER, NETWORK_STATS, rule().notIn(guest).out(device).protocol("tcp").countOnly());
        rules.append(FILTER, NETWORK_STATS, rule().in(device).notOut(guest).protocol("tcp").countOnly());
    }

    private void input(String line) {
        rules.append(FILTER, "INPUT", line);
    }
}
