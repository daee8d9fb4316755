package org.vrouter.router.vpn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.api.net.IpAddress;

/**
 * The router's answer to CloudStack's tunnel check ({@code checkbatchs2svpn.sh <peer>...}, read by
 * {@code CheckS2SVpnConnectionsAnswer}): one entry per asked peer, {@code <peer>:<code>:<detail>}, joined by
 * {@code &}. Code {@link #CONNECTED} means the peer's IKE SA is established and a CHILD_SA installed; the
 * others say what is missing. Computed from {@code swanctl --list-sas}; pure.
 */
public final class SiteToSiteStatus {
    /** The tunnel is up. */
    public static final int CONNECTED = 0;
    /** No established IKE SA with the peer (or charon is not running). */
    public static final int NO_IKE_SA = 1;
    /** The IKE SA is up but no IPsec SA is installed. */
    public static final int NO_IPSEC_SA = 2;

    // "vpn-198-51-100-7: #3, ESTABLISHED, IKEv2, ..." at the start of a line; children are indented
    private static final Pattern IKE_SA = Pattern.compile("^(\\S+): #\\d+, (\\w+),");
    private static final Pattern CHILD_SA = Pattern.compile("^\\s+(\\S+): #\\d+, reqid \\d+, (\\w+),");

    private SiteToSiteStatus() {}

    /** The report for {@code peers}, from the SAs charon listed ({@code swanctl --list-sas}). */
    public static String report(List<IpAddress> peers, String listSas) {
        Map<String, int[]> states = new HashMap<>();
        String ike = "";
        for (String line : listSas.lines().toList()) {
            Matcher child = CHILD_SA.matcher(line);
            Matcher parent = IKE_SA.matcher(line);
            if (parent.find()) {
                ike = parent.group(1);
                if (parent.group(2).equals("ESTABLISHED")) {
                    states.computeIfAbsent(ike, name -> new int[2])[0] = 1;
                }
            }
            else if (child.find() && child.group(2).equals("INSTALLED")) {
                states.computeIfAbsent(ike, name -> new int[2])[1] = 1;
            }
        }
        List<String> entries = new ArrayList<>();
        for (IpAddress peer : peers) {
            int[] state = states.getOrDefault(SiteToSitePeer.connectionName(peer), new int[2]);
            entries.add(state[0] == 0 ? peer + ":" + NO_IKE_SA + ":no IKE SA established"
                    : state[1] == 0 ? peer + ":" + NO_IPSEC_SA + ":IKE SA established, no IPsec SA installed"
                    : peer + ":" + CONNECTED + ":IKE SA established, IPsec SA installed");
        }
        return String.join("&", entries);
    }

    /** The report when charon cannot be asked: every peer down. */
    public static String unreachable(List<IpAddress> peers) {
        List<String> entries = new ArrayList<>();
        peers.forEach(peer -> entries.add(peer + ":" + NO_IKE_SA + ":strongSwan is not running"));
        return String.join("&", entries);
    }
}
