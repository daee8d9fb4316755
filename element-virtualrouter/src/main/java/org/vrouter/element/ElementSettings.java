package org.vrouter.element;

import org.vrouter.api.validation.FieldChecks;

/**
 * The settings a {@link VirtualRouterElement} reads: the few CloudStack configuration keys the
 * element itself (not the router manager) consults.
 *
 * @param haproxyStatsPort the port haproxy serves its statistics page on
 *     ({@code network.loadbalancer.haproxy.stats.port}, default 8081); a load-balancing rule may
 *     not listen on it
 */
public record ElementSettings(int haproxyStatsPort) {
    /** CloudStack's default for {@code network.loadbalancer.haproxy.stats.port}. */
    public static final int DEFAULT_HAPROXY_STATS_PORT = 8081;

    public ElementSettings {
        FieldChecks.requirePort("haproxy_stats_port", haproxyStatsPort);
    }

    /** CloudStack's defaults. */
    public static ElementSettings defaults() {
        return new ElementSettings(DEFAULT_HAPROXY_STATS_PORT);
    }
}
