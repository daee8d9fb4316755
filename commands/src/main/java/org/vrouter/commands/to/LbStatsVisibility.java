package org.vrouter.commands.to;

import org.vrouter.api.validation.WireNames;

/**
 * Where haproxy's statistics page is reachable: CloudStack's setting
 * {@code network.loadbalancer.haproxy.stats.visibility} (default {@code guest-network}).
 */
public enum LbStatsVisibility {
    /** On the router's public address ({@code listen stats_on_public}). */
    GLOBAL("global"),
    /** On the router's guest address ({@code listen stats_on_guest}); CloudStack's default. */
    GUEST_NETWORK("guest-network"),
    /** On the router's control (link-local) address ({@code listen stats_on_private}). */
    LINK_LOCAL("link-local"),
    /** On all three addresses. */
    ALL("all"),
    /** No statistics page. */
    DISABLED("disabled"),
    /** On the load balanced HTTP ports themselves, under the stats URI; no separate listener. */
    DEFAULT("default");

    private final String wireName;

    LbStatsVisibility(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a dedicated stats listener binds {@link LbStatsSettings#port()}. */
    public boolean hasStatsListener() {
        return this != DISABLED && this != DEFAULT;
    }

    /** Looks up a wire name, ignoring case. */
    public static LbStatsVisibility fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), LbStatsVisibility::wireName, "stats visibility");
    }
}
