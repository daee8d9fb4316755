package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * The VPN rules every router type shares, as rule lines: the site-to-site openings in filter
 * {@code INPUT}, their NAT exemptions (first in nat {@code POSTROUTING}, before any SNAT), and the L2TP
 * opening of a remote-access server, which accepts UDP 1701 only when it arrived inside IPsec
 * ({@code -m policy --dir in --pol ipsec}): L2TP itself is not encrypted. Public for the isolated and the
 * VPC renderer.
 */
public final class VpnRules {
    private static final int IKE = 500;
    private static final int NAT_T = 4500;
    private static final int L2TP = 1701;
    /** The interfaces of L2TP clients: pppd's links. */
    private static final String CLIENTS = "ppp+";

    private VpnRules() {}

    /** IKE, NAT-T and ESP from the peer gateway to the local address, on the public interface {@code device}. */
    public static List<String> siteToSiteInput(SiteToSiteVpnOpening vpn, String device) {
        List<String> lines = new ArrayList<>();
        for (int port : new int[] {IKE, NAT_T}) {
            lines.add(rule().source(vpn.peerGatewayIp()).destination(vpn.localPublicIp()).in(device).ports("udp", PortRange.of(port))
                    .jump("ACCEPT"));
        }
        lines.add(rule().source(vpn.peerGatewayIp()).destination(vpn.localPublicIp()).in(device).protocol("esp").jump("ACCEPT"));
        return lines;
    }

    /** The local network's traffic to each peer network leaves nat {@code POSTROUTING} untranslated. */
    public static List<String> siteToSiteNatExemptions(SiteToSiteVpnOpening vpn) {
        List<String> lines = new ArrayList<>();
        for (Cidr peer : vpn.peerCidrs()) {
            lines.add(rule().source(vpn.localCidr()).destination(peer).jump("ACCEPT"));
        }
        return lines;
    }

    /** IKE and NAT-T from anywhere, ESP and AH, and L2TP only inside IPsec, to a remote-access server. */
    public static List<String> remoteAccessInput(IpAddress server, String device) {
        List<String> lines = new ArrayList<>();
        for (int port : new int[] {IKE, NAT_T}) {
            lines.add(rule().destination(server).in(device).ports("udp", PortRange.of(port)).jump("ACCEPT"));
        }
        lines.add(rule().destination(server).in(device).protocol("udp").match("-m policy --dir in --pol ipsec")
                .match("-m udp --dport " + L2TP).jump("ACCEPT"));
        lines.add(rule().destination(server).in(device).protocol("esp").jump("ACCEPT"));
        lines.add(rule().destination(server).in(device).protocol("ah").jump("ACCEPT"));
        return lines;
    }

    /** DNS from the L2TP clients to the router, once for every server. */
    public static List<String> remoteAccessClientInput() {
        return List.of(rule().in(CLIENTS).ports("udp", PortRange.of(53)).jump("ACCEPT"),
                rule().in(CLIENTS).ports("tcp", PortRange.of(53)).jump("ACCEPT"));
    }

    /** Forwarding between the L2TP clients, and between them and the network they reach ({@code local_cidr}). */
    public static List<String> remoteAccessForward(Cidr localCidr) {
        return List.of(rule().in(CLIENTS).out(CLIENTS).jump("ACCEPT"), rule().source(localCidr).out(CLIENTS).jump("ACCEPT"),
                rule().destination(localCidr).in(CLIENTS).jump("ACCEPT"));
    }

    /** nat {@code PREROUTING}: the clients' DNS goes to the router ({@code local_ip}), whatever server they ask. */
    public static List<String> remoteAccessDns(IpAddress localIp) {
        List<String> lines = new ArrayList<>();
        for (String protocol : new String[] {"udp", "tcp"}) {
            lines.add(rule().in(CLIENTS).ports(protocol, PortRange.of(53)).jump("DNAT --to-destination " + localIp));
        }
        return lines;
    }
}
