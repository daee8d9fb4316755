package org.vrouter.router.vpn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.secret.Secret;

/**
 * Renders strongSwan's swanctl configuration: {@code /etc/swanctl/swanctl.conf} (which only includes
 * {@code conf.d/*.conf}), and per site-to-site peer and for the L2TP server one connection file and one
 * secrets file under {@code /etc/swanctl/conf.d/}, all named {@code vrouter-*} so that stale ones are found
 * by name. Pure and deterministic.
 *
 * <p>One file pair per connection keeps a change to one peer from touching the bytes of another, and
 * charon keeps every connection whose loaded definition is unchanged (with its SAs) on {@code swanctl
 * --load-all}. PSKs are written as hex ({@code 0x...}) so that no key can be read as another encoding or
 * break the quoting.
 */
public final class SwanctlRenderer {
    /** The file {@code swanctl --load-all} reads. */
    public static final String SWANCTL_CONF = "/etc/swanctl/swanctl.conf";
    /** Where the rendered connection and secrets files live. */
    public static final String CONF_DIR = "/etc/swanctl/conf.d";
    /** Prefix of every file this renderer owns in {@link #CONF_DIR}. */
    public static final String OWNED_PREFIX = "vrouter-";

    /** The line of a standby router's {@link #SWANCTL_CONF}. */
    static final String STANDBY_NOTE = "# redundant router, not PRIMARY: no connection is trapped or initiated, no SA kept\n";

    private static final String L2TP_CONF = CONF_DIR + "/vrouter-l2tp.conf";
    private static final String L2TP_SECRETS = CONF_DIR + "/vrouter-l2tp-secrets.conf";
    private static final String L2TP_IKE = "aes256-sha256-modp2048,aes256-sha1-modp2048,aes128-sha1-modp2048,aes256-sha1-modp1024,"
            + "aes128-sha1-modp1024,3des-sha1-modp1024";
    private static final String L2TP_ESP = "aes256-sha256,aes256-sha1,aes128-sha1,3des-sha1";

    private SwanctlRenderer() {}

    /** The connection file of a peer. */
    public static String peerConf(SiteToSitePeer peer) {
        return CONF_DIR + "/" + OWNED_PREFIX + peer.connectionName() + ".conf";
    }

    /** The secrets file of a peer (mode 0600). */
    public static String peerSecrets(SiteToSitePeer peer) {
        return CONF_DIR + "/" + OWNED_PREFIX + peer.connectionName() + "-secrets.conf";
    }

    /**
     * Renders the swanctl files of {@code input} into {@code files}, noting the secret ones. On a
     * {@link VpnRole#STANDBY} router every child has {@code start_action = none} and {@code swanctl.conf} says
     * so, so that a change of role always changes {@code swanctl.conf} (the service acts on that).
     */
    static void render(VpnInput input, VpnRole role, Map<String, String> files, Set<String> secrets) {
        files.put(SWANCTL_CONF, "# managed by vrouter: connections and secrets are in conf.d/vrouter-*.conf\n"
                + (role == VpnRole.STANDBY ? STANDBY_NOTE : "") + "include conf.d/*.conf\n");
        for (SiteToSitePeer peer : input.peers()) {
            files.put(peerConf(peer), connection(peer, role));
            files.put(peerSecrets(peer), secret("ike-" + peer.connectionName(),
                    List.of(peer.localPublicIp().value(), peer.peerGatewayIp().value()), peer.psk()));
            secrets.add(peerSecrets(peer));
        }
        input.remoteAccess().ifPresent(server -> {
            files.put(L2TP_CONF, l2tp(server));
            files.put(L2TP_SECRETS, secret("ike-l2tp-psk", List.of(), server.psk()));
            secrets.add(L2TP_SECRETS);
        });
    }

    /** The child SA names of a peer: one, or one per peer network when split. */
    public static List<String> children(SiteToSitePeer peer) {
        if (!splits(peer)) {
            return List.of(peer.connectionName());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < peer.peerCidrs().size(); i++) {
            names.add(i == 0 ? peer.connectionName() : peer.connectionName() + "-" + i);
        }
        return names;
    }

    // IKEv1 negotiates one traffic selector pair per child SA: several peer networks need several children
    private static boolean splits(SiteToSitePeer peer) {
        return peer.split() || peer.ikeVersion() == 1 && peer.peerCidrs().size() > 1;
    }

    private static String connection(SiteToSitePeer peer, VpnRole role) {
        StringBuilder out = new StringBuilder();
        out.append("# vrouter: site-to-site VPN to ").append(peer.peerGatewayIp()).append('\n');
        out.append("connections {\n");
        out.append("    ").append(peer.connectionName()).append(" {\n");
        line(out, 2, "version", String.valueOf(peer.ikeVersion()));
        line(out, 2, "local_addrs", peer.localPublicIp().value());
        line(out, 2, "remote_addrs", peer.peerGatewayIp().value());
        line(out, 2, "proposals", peer.ikeProposals());
        line(out, 2, "rekey_time", peer.ikeLifetime() + "s");
        line(out, 2, "keyingtries", "2");
        line(out, 2, "encap", peer.encap() ? "yes" : "no");
        line(out, 2, "dpd_delay", peer.dpd() ? "30s" : "0s");
        if (peer.dpd()) {
            line(out, 2, "dpd_timeout", "120s");
        }
        auth(out, "local", peer.localPublicIp().value());
        auth(out, "remote", peer.peerGatewayIp().value());
        out.append("        children {\n");
        List<String> names = children(peer);
        for (int i = 0; i < names.size(); i++) {
            List<Cidr> remote = names.size() == 1 ? peer.peerCidrs() : List.of(peer.peerCidrs().get(i));
            out.append("            ").append(names.get(i)).append(" {\n");
            line(out, 4, "local_ts", peer.localCidr().toString());
            line(out, 4, "remote_ts", remote.stream().map(Cidr::toString).collect(Collectors.joining(",")));
            line(out, 4, "esp_proposals", peer.espProposals());
            line(out, 4, "rekey_time", peer.espLifetime() + "s");
            line(out, 4, "start_action", peer.passive() || role == VpnRole.STANDBY ? "none" : "trap");
            if (peer.dpd()) {
                line(out, 4, "dpd_action", "restart");
            }
            out.append("            }\n");
        }
        out.append("        }\n    }\n}\n");
        return out.toString();
    }

    private static String l2tp(RemoteAccessServer server) {
        StringBuilder out = new StringBuilder();
        out.append("# vrouter: L2TP/IPsec remote access on ").append(server.publicIp()).append('\n');
        out.append("connections {\n");
        out.append("    ").append(RemoteAccessServer.CONNECTION).append(" {\n");
        line(out, 2, "version", "1");
        line(out, 2, "local_addrs", server.publicIp().value());
        line(out, 2, "remote_addrs", "%any");
        line(out, 2, "proposals", L2TP_IKE);
        line(out, 2, "rekey_time", "0s");
        line(out, 2, "keyingtries", "3");
        line(out, 2, "dpd_delay", "40s");
        line(out, 2, "dpd_timeout", "130s");
        auth(out, "local", server.publicIp().value());
        out.append("        remote {\n");
        line(out, 3, "auth", "psk");
        out.append("        }\n");
        out.append("        children {\n");
        out.append("            ").append(RemoteAccessServer.CONNECTION).append(" {\n");
        line(out, 4, "mode", "transport");
        line(out, 4, "local_ts", "dynamic[udp/1701]");
        line(out, 4, "remote_ts", "dynamic[udp]");
        line(out, 4, "esp_proposals", L2TP_ESP);
        line(out, 4, "rekey_time", "0s");
        line(out, 4, "dpd_action", "clear");
        out.append("            }\n        }\n    }\n}\n");
        return out.toString();
    }

    private static void auth(StringBuilder out, String round, String id) {
        out.append("        ").append(round).append(" {\n");
        line(out, 3, "auth", "psk");
        line(out, 3, "id", id);
        out.append("        }\n");
    }

    private static String secret(String name, List<String> ids, Secret psk) {
        StringBuilder out = new StringBuilder("secrets {\n    ").append(name).append(" {\n");
        Set<String> sorted = new TreeSet<>(ids);
        int n = 1;
        for (String id : sorted) {
            line(out, 2, "id-" + n++, id);
        }
        line(out, 2, "secret", "0x" + HexFormat.of().formatHex(psk.reveal().getBytes(StandardCharsets.UTF_8)));
        out.append("    }\n}\n");
        return out.toString();
    }

    private static void line(StringBuilder out, int depth, String key, String value) {
        out.append("    ".repeat(depth)).append(key).append(" = ").append(value).append('\n');
    }
}
