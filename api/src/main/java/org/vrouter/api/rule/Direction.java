package org.vrouter.api.rule;

import org.vrouter.api.validation.WireNames;

/**
 * Which way a firewall rule or ACL item applies: traffic entering the network, or leaving it
 * (CloudStack's {@code FirewallRule.TrafficType}). The firewall and network ACL TOs carry it too.
 */
public enum Direction {
    INGRESS("Ingress"),
    EGRESS("Egress");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire ({@code traffic_type}, ACL lines). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static Direction fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), Direction::wireName);
    }
}
