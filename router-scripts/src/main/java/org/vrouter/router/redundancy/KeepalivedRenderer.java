package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Renders {@code keepalived.conf} for one member of a redundant pair: a pure function of the
 * {@link RedundancyInput} and the path of the notify script, so both members of a pair render the same
 * instance (their files differ in {@code router_id} and the unicast source only).
 *
 * <p>The instance: VRRPv3 ({@code vrrp_version 3}: centisecond intervals; RFC 5798 dropped the
 * authentication of version 2, so there is none: VRRP is only accepted on guest interfaces, see the
 * firewall), {@code state BACKUP} with {@code nopreempt} and equal priorities on both members (a router that
 * comes back never takes the gateway from a working PRIMARY), the first gateway advertised and the other
 * tiers' gateways in {@code virtual_ipaddress_excluded} (held by the PRIMARY, not compared by the peers, so
 * adding a tier is a reload without an election), {@code track_interface} on every other guest interface,
 * unicast peers when given, and the three notify hooks calling {@code <notify script> PRIMARY|BACKUP|FAULT},
 * plus {@code notify_stop} calling {@code <notify script> BACKUP --stopping}.
 */
public final class KeepalivedRenderer {
    /** The instance's name in keepalived's log lines. */
    public static final String INSTANCE = "vrouter_guest";
    /** Paths keepalived can run without quoting trouble. */
    private static final Pattern SCRIPT_PATH = Pattern.compile("/[A-Za-z0-9/._+-]+");

    private KeepalivedRenderer() {}

    /**
     * @param notifyScript the resolved path of the script keepalived runs on a transition, with the state
     *     as its one argument
     */
    public static String render(RedundancyInput input, String notifyScript) {
        requireNonNull(input, "input is null");
        if (!SCRIPT_PATH.matcher(requireNonNull(notifyScript, "notifyScript is null")).matches()) {
            throw new IllegalArgumentException("notify script path must be absolute, without blanks or quotes: " + notifyScript);
        }
        StringBuilder text = new StringBuilder();
        text.append("# rendered by vrouter from the databags; both members of the pair render the same instance\n");
        text.append("global_defs {\n");
        text.append("    router_id ").append(input.routerName()).append('\n');
        text.append("    vrrp_version 3\n");
        text.append("    script_user root\n");
        text.append("    enable_script_security\n");
        text.append("}\n\n");
        text.append("vrrp_instance ").append(INSTANCE).append(" {\n");
        text.append("    state BACKUP\n");
        text.append("    interface ").append(input.device()).append('\n');
        text.append("    virtual_router_id ").append(input.virtualRouterId()).append('\n');
        text.append("    priority 100\n");
        text.append("    advert_int ").append(input.advertInterval()).append('\n');
        text.append("    nopreempt\n");
        if (!input.trackedDevices().isEmpty()) {
            text.append("    track_interface {\n");
            input.trackedDevices().forEach(device -> text.append("        ").append(device).append('\n'));
            text.append("    }\n");
        }
        if (!input.unicastPeers().isEmpty()) {
            text.append("    unicast_src_ip ").append(input.source()).append('\n');
            text.append("    unicast_peer {\n");
            input.unicastPeers().forEach(peer -> text.append("        ").append(peer).append('\n'));
            text.append("    }\n");
        }
        text.append("    virtual_ipaddress {\n");
        text.append("        ").append(input.advertised()).append('\n');
        text.append("    }\n");
        if (!input.unadvertised().isEmpty()) {
            text.append("    virtual_ipaddress_excluded {\n");
            input.unadvertised().forEach(address -> text.append("        ").append(address).append('\n'));
            text.append("    }\n");
        }
        for (String[] hook : new String[][] {{"notify_master", "PRIMARY"}, {"notify_backup", "BACKUP"}, {"notify_fault", "FAULT"},
            {"notify_stop", "BACKUP --stopping"}}) {
            text.append("    ").append(hook[0]).append(" \"").append(notifyScript).append(' ').append(hook[1]).append("\"\n");
        }
        text.append("}\n");
        return text.toString();
    }
}
