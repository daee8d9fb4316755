package org.vrouter.commands.to;

import java.util.Arrays;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The direction a firewall or network ACL rule applies to: CloudStack's
 * {@code FirewallRule.TrafficType}, written on the wire as {@code "Ingress"} / {@code "Egress"}.
 */
public enum RuleTrafficType {
    INGRESS("Ingress"),
    EGRESS("Egress");

    private final String wireName;

    RuleTrafficType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static RuleTrafficType fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        return Arrays.stream(values())
                .filter(value -> value.wireName.equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(field, "unknown traffic type (expected Ingress or Egress)", name));
    }
}
