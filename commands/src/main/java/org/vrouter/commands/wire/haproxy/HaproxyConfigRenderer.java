package org.vrouter.commands.wire.haproxy;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LbStatsVisibility;
import org.vrouter.commands.to.LoadBalancerTO;

/**
 * Renders a {@link LoadBalancerConfigCommand} into the router's haproxy configuration and firewall
 * openings: what CloudStack's {@code HAProxyConfigurator} does on the management server. A pure
 * function: same command, same bytes; no I/O, clock or environment.
 *
 * <p>The structure is CloudStack's: {@code global} ({@code maxconn}, {@code maxpipes} =
 * maxconn / 4, chroot, user, group, daemon), {@code defaults} (tcp mode, timeouts connect 5000,
 * client and server 50000 ms), the statistics listener ({@code listen stats_on_guest} on the guest
 * address, {@code stats_on_public}, {@code stats_on_private}), one {@code listen} per active rule
 * (see {@link ListenSection}) and, when there is none, CloudStack's placeholder {@code listen vmops}
 * (haproxy will not start without a listener). The output is a valid configuration for haproxy 2.6
 * (Debian 12) with no warnings; where that needs a change from CloudStack's text, the change is
 * documented here, in {@link ListenSection} and in {@link StickinessLines}:
 *
 * <ul>
 *   <li>Whitespace: one space between words (CloudStack aligns some values with runs of spaces),
 *       blank lines are empty (CloudStack writes a tab and a space), one element per line.</li>
 *   <li>{@code defaults}: no {@code option forwardfor} (moved to the HTTP sections); keep-alive
 *       writes {@code option http-keep-alive} instead of {@code no option forceclose}; an idle
 *       timeout, when set, replaces the client and server timeouts.</li>
 *   <li>{@code global}: the stats socket adds {@code mode 660 level admin expose-fd listeners} so a
 *       reload hands the listening sockets over without dropping connections; no
 *       {@code tune.ssl.default-dh-param} (no TLS offload yet).</li>
 *   <li>The placeholder listener binds {@code 127.0.0.1:9} instead of {@code 0.0.0.0:9}: with
 *       {@code option transparent} a reachable port 9 would make haproxy connect to itself.</li>
 * </ul>
 */
public final class HaproxyConfigRenderer {
    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5000;
    static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 50000;

    private HaproxyConfigRenderer() {}

    /** The configuration and firewall openings for {@code command}. */
    public static HaproxyConfiguration render(LoadBalancerConfigCommand command) {
        List<String> lines = new ArrayList<>(globalSection(command));
        lines.add("");
        lines.addAll(defaultsSection(command));
        lines.addAll(statsListeners(command));
        List<LoadBalancerTO> active = command.activeLoadBalancers();
        for (LoadBalancerTO lb : active) {
            lines.add("");
            lines.addAll(ListenSection.lines(lb, command));
        }
        if (active.isEmpty()) {
            lines.add("");
            lines.add("listen vmops");
            lines.add("\tbind 127.0.0.1:9");
            lines.add("\toption transparent");
        }
        return new HaproxyConfiguration(lines, FirewallRules.addRules(command), FirewallRules.removeRules(command),
                FirewallRules.statRules(command));
    }

    /** The statistics lines CloudStack writes into a stats listener. */
    static List<String> statsLines(LbStatsSettings stats) {
        return List.of(
                "\tstats enable",
                "\tstats uri " + stats.uri(),
                "\tstats realm Haproxy\\ Statistics",
                "\tstats auth " + stats.auth().reveal());
    }

    private static List<String> globalSection(LoadBalancerConfigCommand command) {
        return List.of(
                "global",
                "\tlog 127.0.0.1:3914 local0 warning",
                "\tmaxconn " + command.maxconn(),
                "\tmaxpipes " + command.maxconn() / 4,
                "\tchroot /var/lib/haproxy",
                "\tuser haproxy",
                "\tgroup haproxy",
                "\tstats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners",
                "\tdaemon");
    }

    private static List<String> defaultsSection(LoadBalancerConfigCommand command) {
        long idle = command.idleTimeoutMillis().orElse(DEFAULT_IDLE_TIMEOUT_MILLIS);
        return List.of(
                "defaults",
                "\tlog global",
                "\tmode tcp",
                "\toption dontlognull",
                "\tretries 3",
                "\toption redispatch",
                command.keepAliveEnabled() ? "\toption http-keep-alive" : "\toption httpclose",
                "\ttimeout connect " + DEFAULT_CONNECT_TIMEOUT_MILLIS,
                "\ttimeout client " + idle,
                "\ttimeout server " + idle);
    }

    private static List<String> statsListeners(LoadBalancerConfigCommand command) {
        LbStatsVisibility visibility = command.stats().visibility();
        List<String> lines = new ArrayList<>();
        if (visibility == LbStatsVisibility.GLOBAL || visibility == LbStatsVisibility.ALL) {
            lines.addAll(statsListener("stats_on_public", command.publicIp().orElseThrow().value(), command));
        }
        if (visibility == LbStatsVisibility.GUEST_NETWORK || visibility == LbStatsVisibility.ALL) {
            lines.addAll(statsListener("stats_on_guest", command.guestIp().value(), command));
        }
        if (visibility == LbStatsVisibility.LINK_LOCAL || visibility == LbStatsVisibility.ALL) {
            lines.addAll(statsListener("stats_on_private", command.controlIp().value(), command));
        }
        return lines;
    }

    private static List<String> statsListener(String name, String address, LoadBalancerConfigCommand command) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("listen " + name);
        lines.add("\tbind " + address + ":" + command.stats().port());
        lines.add("\tmode http");
        if (!command.keepAliveEnabled()) {
            lines.add("\toption httpclose");
        }
        lines.addAll(statsLines(command.stats()));
        return lines;
    }
}
