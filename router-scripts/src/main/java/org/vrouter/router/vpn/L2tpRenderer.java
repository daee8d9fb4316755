package org.vrouter.router.vpn;

import java.util.Map;
import java.util.Set;

import org.vrouter.api.secret.Secret;

/**
 * Renders the L2TP half of remote access: {@code /etc/xl2tpd/xl2tpd.conf} (the client range and the PPP
 * local address), {@code /etc/ppp/options.xl2tpd} (MS-CHAPv2 required, the router as DNS server) and
 * {@code /etc/ppp/chap-secrets} (one line per user, mode 0600). Pure and deterministic.
 *
 * <p>pppd reads {@code chap-secrets} when a client authenticates, so a changed user list is written
 * without restarting anything: the sessions of other users stay up. Names and passwords are quoted;
 * the wire already rejects whitespace, quotes and backslashes in them.
 */
public final class L2tpRenderer {
    public static final String XL2TPD_CONF = "/etc/xl2tpd/xl2tpd.conf";
    public static final String PPP_OPTIONS = "/etc/ppp/options.xl2tpd";
    public static final String CHAP_SECRETS = "/etc/ppp/chap-secrets";

    private L2tpRenderer() {}

    /**
     * Renders the files of {@code input}'s server, if any, into {@code files}.
     *
     * @param pppOptionsPath the real path of {@link #PPP_OPTIONS} (resolved under the host's root), which
     *     xl2tpd hands to pppd
     */
    static void render(VpnInput input, String pppOptionsPath, Map<String, String> files, Set<String> secrets) {
        input.remoteAccess().ifPresent(server -> {
            files.put(XL2TPD_CONF, xl2tpd(server, pppOptionsPath));
            files.put(PPP_OPTIONS, options(server));
            files.put(CHAP_SECRETS, chapSecrets(input.users()));
            secrets.add(CHAP_SECRETS);
        });
    }

    private static String xl2tpd(RemoteAccessServer server, String pppOptionsPath) {
        return "; managed by vrouter: L2TP/IPsec remote access on " + server.publicIp() + "\n"
                + "[global]\n"
                + "listen-addr = " + server.publicIp() + "\n"
                + "port = 1701\n"
                + "\n"
                + "[lns default]\n"
                + "ip range = " + server.clientRange().first() + "-" + server.clientRange().last() + "\n"
                + "local ip = " + server.localIp() + "\n"
                + "require chap = yes\n"
                + "refuse pap = yes\n"
                + "require authentication = yes\n"
                + "name = vrouter-l2tp\n"
                + "ppp debug = no\n"
                + "pppoptfile = " + pppOptionsPath + "\n"
                + "length bit = yes\n";
    }

    private static String options(RemoteAccessServer server) {
        return "# managed by vrouter: pppd options of L2TP clients\n"
                + "ipcp-accept-local\n"
                + "ipcp-accept-remote\n"
                + "ms-dns " + server.localIp() + "\n"
                + "noccp\n"
                + "auth\n"
                + "require-mschap-v2\n"
                + "idle 1800\n"
                + "mtu 1410\n"
                + "mru 1410\n"
                + "nodefaultroute\n"
                + "proxyarp\n"
                + "connect-delay 5000\n"
                + "lcp-echo-interval 30\n"
                + "lcp-echo-failure 4\n";
    }

    static String chapSecrets(Map<String, Secret> users) {
        StringBuilder out = new StringBuilder("# managed by vrouter: client server secret addresses\n");
        users.forEach((user, password) -> out.append('"').append(user).append("\" * \"").append(password.reveal()).append("\" *\n"));
        return out.toString();
    }
}
