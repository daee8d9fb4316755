package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.IpAddress;

/**
 * The mangle table of an isolated router: the ingress firewall ({@code FIREWALL_<ip>} per public
 * address, jumped from {@code PREROUTING}: established traffic and the ingress rules pass, the rest
 * is dropped before NAT sees it), the VPN's ESP/AH pass ({@code VPN_<ip>}), and the marks that make
 * replies leave through the interface a connection came in on (connmark {@code 0x(100+N)} per public
 * interface N, restored on every established packet; {@code PREROUTING-ethN-def} for static NAT).
 */
final class IsolatedMangleRules {
    private static final String ESTABLISHED = "RELATED,ESTABLISHED";

    private final IsolatedRender render;
    private final RulesetBuilder rules;

    private IsolatedMangleRules(IsolatedRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(IsolatedRender render) {
        IsolatedMangleRules mangle = new IsolatedMangleRules(render);
        mangle.prerouting();
        mangle.firewallChains();
        if (!render.guests().isEmpty()) {
            mangle.rules.append(MANGLE, "POSTROUTING", MarkRules.checksumFill());
        }
    }

    private void prerouting() {
        prerouting(MarkRules.restoreConnmark());
        Set<IpAddress> vpnServers = new LinkedHashSet<>();
        render.remoteAccessVpns().forEach(vpn -> vpnServers.add(vpn.publicIp()));
        for (PublicAddress address : render.publicAddresses()) {
            if (vpnServers.contains(address.ip())) {
                prerouting(rule().destination(address.ip()).jump(vpnChain(address.ip())));
            }
            prerouting(rule().destination(address.ip()).jump(firewallChain(address.ip())));
        }
        rules.appendAll(MANGLE, "PREROUTING", MarkRules.staticNats(rules, render.input().staticNats(),
                ip -> render.publicAddress(ip).device(), List.of()));
        for (String device : render.publicDevices()) {
            prerouting(MarkRules.markNewConnections(device));
        }
    }

    private void firewallChains() {
        for (PublicAddress address : render.publicAddresses()) {
            String chain = firewallChain(address.ip());
            rules.append(MANGLE, chain, rule().state(ESTABLISHED).jump("ACCEPT"));
            for (IngressRule ingress : render.ingressRules(address.ip())) {
                for (CidrMatch source : render.sets().matches("sourceCidrIpset-" + ingress.id(), ingress.sourceCidrs())) {
                    RuleLine line = rule().source(source);
                    ingress.match().addTo(line);
                    rules.append(MANGLE, chain, line.jump("RETURN"));
                }
            }
            rules.append(MANGLE, chain, rule().jump("DROP"));
        }
        for (RemoteAccessVpnOpening vpn : render.remoteAccessVpns()) {
            String chain = vpnChain(vpn.publicIp());
            rules.appendAll(MANGLE, chain, List.of(rule().state(ESTABLISHED).jump("ACCEPT"), rule().protocol("esp").jump("ACCEPT"),
                    rule().protocol("ah").jump("ACCEPT"), rule().jump("RETURN")));
        }
    }

    private void prerouting(String line) {
        rules.append(MANGLE, "PREROUTING", line);
    }

    static String firewallChain(IpAddress ip) {
        return "FIREWALL_" + ip;
    }

    static String vpnChain(IpAddress ip) {
        return "VPN_" + ip;
    }
}
