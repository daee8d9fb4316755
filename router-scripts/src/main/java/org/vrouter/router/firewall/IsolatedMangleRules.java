package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * The mangle table of an isolated router: the ingress firewall ({@code FIREWALL_<ip>} per public
 * address, jumped from {@code PREROUTING}: established traffic and the ingress rules pass, the rest
 * is dropped before NAT sees it), the VPN's ESP/AH pass ({@code VPN_<ip>}), and the marks that make
 * replies leave through the interface a connection came in on (connmark {@code 0x(100+N)} per public
 * interface N, restored on every established packet; {@code PREROUTING-ethN-def} for static NAT).
 */
final class IsolatedMangleRules {
    private static final String ALL_BITS = "0xffffffff";
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
            // virtio DHCP replies leave with a partial checksum some clients drop
            mangle.rules.append(MANGLE, "POSTROUTING", rule().ports("udp", PortRange.of(68)).jump("CHECKSUM --checksum-fill"));
        }
    }

    private void prerouting() {
        prerouting(rule().state(ESTABLISHED).jump("CONNMARK --restore-mark --nfmask " + ALL_BITS + " --ctmask " + ALL_BITS));
        Set<IpAddress> vpnServers = new LinkedHashSet<>();
        render.remoteAccessVpns().forEach(vpn -> vpnServers.add(vpn.publicIp()));
        for (PublicAddress address : render.publicAddresses()) {
            if (vpnServers.contains(address.ip())) {
                prerouting(rule().destination(address.ip()).jump(vpnChain(address.ip())));
            }
            prerouting(rule().destination(address.ip()).jump(firewallChain(address.ip())));
        }
        Set<String> staticNatDevices = new LinkedHashSet<>();
        for (StaticNat nat : render.staticNats()) {
            String device = render.publicAddress(nat.publicIp()).device();
            prerouting(rule().source(nat.vmIp()).state("NEW").jump(staticNatChain(device)));
            staticNatDevices.add(device);
        }
        for (String device : staticNatDevices) {
            // new connections of a static-NAT VM leave through its public address's interface, and so do their replies
            rules.appendAll(MANGLE, staticNatChain(device), List.of(
                    rule().jump("MARK --set-xmark " + NicNames.mark(device) + "/" + ALL_BITS),
                    rule().jump("CONNMARK --save-mark --nfmask " + ALL_BITS + " --ctmask " + ALL_BITS)));
        }
        for (String device : render.publicDevices()) {
            prerouting(rule().in(device).state("NEW").jump("CONNMARK --set-xmark " + NicNames.mark(device) + "/" + ALL_BITS));
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

    static String staticNatChain(String device) {
        return "PREROUTING-" + device + "-def";
    }
}
