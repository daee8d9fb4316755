package org.vrouter.commands.wire.haproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.vrouter.api.rule.LbProtocol;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.to.LbDestinationTO;
import org.vrouter.commands.to.LbHealthCheckPolicyTO;
import org.vrouter.commands.to.LbStatsVisibility;
import org.vrouter.commands.to.LbStickinessPolicyTO;
import org.vrouter.commands.to.LoadBalancerTO;

/**
 * The {@code listen} section of one active rule, in CloudStack's order: name
 * {@code <ip with _>-<port>}, {@code bind}, HTTP options, source CIDR filter, {@code balance},
 * {@code server} lines named {@code <pool>_<n>} (revoked destinations skipped, numbering only
 * counts the others), then the stickiness lines. Deviations from CloudStack, all for haproxy 2.6:
 *
 * <ul>
 *   <li>{@code option forwardfor} moves from the tcp-mode defaults into each {@code mode http}
 *       section (haproxy warns about it for every tcp-mode proxy; it only ever acted on HTTP).</li>
 *   <li>keep-alive writes {@code option http-keep-alive} instead of {@code no option forceclose}
 *       (removed in haproxy 2.0).</li>
 *   <li>A health check policy, which CloudStack's virtual router ignores, becomes
 *       {@code option httpchk GET <path>} (when a path is set), {@code timeout check <n>s} and
 *       {@code inter <n>s rise <h> fall <u>} after {@code check} on each server line.</li>
 *   <li>Stats visibility {@code default} puts the statistics lines into each {@code mode http}
 *       section instead of the defaults section (where haproxy warns for every tcp-mode proxy).</li>
 *   <li>The source CIDR filter is two lines, without CloudStack's trailing space.</li>
 * </ul>
 */
final class ListenSection {
    private static final int HTTP_PORT = 80;

    private ListenSection() {}

    static List<String> lines(LoadBalancerTO lb, LoadBalancerConfigCommand command) {
        String pool = poolName(lb);
        List<LbDestinationTO> destinations = lb.activeDestinations();
        // CloudStack attaches stickiness only when some destination is active.
        Optional<LbStickinessPolicyTO> stickiness = lb.stickinessPolicy().filter(policy -> !destinations.isEmpty());
        boolean http = lb.sourcePort() == HTTP_PORT || stickiness.map(StickinessLines::isHttpBased).orElse(false);

        List<String> lines = new ArrayList<>();
        lines.add("listen " + pool);
        lines.add("\tbind " + lb.sourceIp().value() + ":" + lb.sourcePort());
        if (http) {
            lines.add("\tmode http");
            lines.add(command.keepAliveEnabled() ? "\toption http-keep-alive" : "\toption httpclose");
            lines.add("\toption forwardfor");
        }
        if (!lb.sourceCidrs().isEmpty()) {
            lines.add("\tacl network_allowed src " + lb.sourceCidrs().stream().map(Object::toString).collect(Collectors.joining(" ")));
            lines.add("\ttcp-request connection reject if !network_allowed");
        }
        lines.add("\tbalance " + lb.algorithm().wireName());
        lb.healthCheckPolicy().ifPresent(check -> lines.addAll(healthCheckLines(check)));
        for (int i = 0; i < destinations.size(); i++) {
            lines.add(serverLine(pool, i, destinations.get(i), lb, stickiness));
        }
        stickiness.ifPresent(policy -> lines.addAll(StickinessLines.lines(policy, lb)));
        if (http && command.stats().visibility() == LbStatsVisibility.DEFAULT) {
            lines.addAll(HaproxyConfigRenderer.statsLines(command.stats()));
        }
        return lines;
    }

    /** CloudStack's pool name: the source address with dots replaced by underscores, a dash, the port. */
    static String poolName(LoadBalancerTO lb) {
        return lb.sourceIp().value().replace('.', '_') + "-" + lb.sourcePort();
    }

    private static List<String> healthCheckLines(LbHealthCheckPolicyTO check) {
        List<String> lines = new ArrayList<>(2);
        check.pingPath().ifPresent(path -> lines.add("\toption httpchk GET " + path));
        lines.add("\ttimeout check " + check.responseTimeSeconds() + "s");
        return lines;
    }

    private static String serverLine(String pool, int index, LbDestinationTO destination, LoadBalancerTO lb,
            Optional<LbStickinessPolicyTO> stickiness) {
        StringBuilder line = new StringBuilder("\tserver ")
                .append(pool).append('_').append(index).append(' ')
                .append(destination.ip().value()).append(':').append(destination.port())
                .append(" check");
        lb.healthCheckPolicy().ifPresent(check -> line
                .append(" inter ").append(check.intervalSeconds()).append('s')
                .append(" rise ").append(check.healthyThreshold())
                .append(" fall ").append(check.unhealthyThreshold()));
        if (lb.effectiveProtocol() == LbProtocol.TCP_PROXY) {
            line.append(" send-proxy");
        }
        stickiness.ifPresent(policy -> line.append(StickinessLines.serverSuffix(policy, destination)));
        return line.toString();
    }
}
