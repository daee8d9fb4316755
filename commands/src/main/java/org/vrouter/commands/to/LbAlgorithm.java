package org.vrouter.commands.to;

import java.util.Arrays;

import org.vrouter.api.error.InvalidParameterException;

/**
 * How a load balancer rule spreads connections over its destinations: CloudStack's algorithm names,
 * which are also haproxy's {@code balance} keywords.
 */
public enum LbAlgorithm {
    ROUND_ROBIN("roundrobin"),
    LEAST_CONN("leastconn"),
    SOURCE("source");

    private final String wireName;

    LbAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** CloudStack's name, also the haproxy {@code balance} argument. */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static LbAlgorithm fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (LbAlgorithm value : values()) {
            if (value.wireName.equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new InvalidParameterException(field,
                "unknown algorithm (expected one of " + Arrays.stream(values()).map(LbAlgorithm::wireName).toList() + ")", name);
    }
}
