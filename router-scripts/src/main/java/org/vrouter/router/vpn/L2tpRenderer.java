package org.vrouter.router.vpn;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.vrouter.api.secret.Secret;

/**
 * Renders the L2TP half of remote access: {@code /etc/xl2tpd/xl2tpd.conf} (the client range and the PPP
 * local address), {@code /etc/ppp/options.xl2tpd} (MS-CHAPv2 required, the router as DNS server) and
 * {@code /etc/ppp/chap-secrets} (one line per user, mode 0600), and pppd's link scripts, which record the
 * user each link serves ({@link PppSessions}). Pure and deterministic.
 *
 * <p>pppd reads {@code chap-secrets} when a client authenticates, so a changed user list is written
 * without restarting anything: the sessions of other users stay up. Names and passwords are quoted;
 * the wire already rejects whitespace, quotes and backslashes in them.
 */
public final class L2tpRenderer {
    public static final String XL2TPD_CONF = "/etc/xl2tpd/xl2tpd.conf";
    public static final String PPP_OPTIONS = "/etc/ppp/options.xl2tpd";
    public static final String CHAP_SECRETS = "/etc/ppp/chap-secrets";
    /** pppd's {@code ip-up-script}: records which user a link serves. */
    public static final String IP_UP = "/etc/ppp/vrouter-ip-up";
    /** pppd's {@code ip-down-script}: forgets the link. */
    public static final String IP_DOWN = "/etc/ppp/vrouter-ip-down";

    private L2tpRenderer() {}

    /**
     * Renders the files of {@code input}'s server, if any, into {@code files}.
     *
     * @param realPath the real path of a router path: xl2tpd hands pppd the options file, pppd runs the
     *     scripts, the scripts write into {@link PppSessions#DIRECTORY}
     */
    static void render(VpnInput input, UnaryOperator<String> realPath, Map<String, String> files, Set<String> secrets,
            Set<String> scripts) {
        input.remoteAccess().ifPresent(server -> {
            files.put(XL2TPD_CONF, xl2tpd(server, realPath.apply(PPP_OPTIONS)));
            files.put(PPP_OPTIONS, options(server, realPath));
            files.put(CHAP_SECRETS, chapSecrets(input.users()));
            files.put(IP_UP, ipUp(realPath.apply(PppSessions.DIRECTORY)));
            files.put(IP_DOWN, ipDown(realPath.apply(PppSessions.DIRECTORY)));
            secrets.add(CHAP_SECRETS);
            scripts.add(IP_UP);
            scripts.add(IP_DOWN);
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

    private static String options(RemoteAccessServer server, UnaryOperator<String> realPath) {
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
                + "lcp-echo-failure 4\n"
                + "ip-up-script " + realPath.apply(IP_UP) + "\n"
                + "ip-down-script " + realPath.apply(IP_DOWN) + "\n";
    }

    // pppd gives the scripts the interface as $1 and the authenticated user as PEERNAME
    private static String ipUp(String sessions) {
        return "#!/bin/sh\n"
                + "# managed by vrouter: pppd's ip-up-script. Records the user and the pppd of this link, so that\n"
                + "# removing the user (or changing its password) disconnects it.\n"
                + "mkdir -p '" + sessions + "' && printf '%s %s\\n' \"$PEERNAME\" \"$PPPD_PID\" > '" + sessions + "'/\"$1\"\n";
    }

    private static String ipDown(String sessions) {
        return "#!/bin/sh\n"
                + "# managed by vrouter: pppd's ip-down-script. Forgets the link.\n"
                + "rm -f '" + sessions + "'/\"$1\"\n";
    }

    static String chapSecrets(Map<String, Secret> users) {
        StringBuilder out = new StringBuilder("# managed by vrouter: client server secret addresses\n");
        users.forEach((user, password) -> out.append('"').append(user).append("\" * \"").append(password.reveal()).append("\" *\n"));
        return out.toString();
    }
}
