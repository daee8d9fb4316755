package org.vrouter.api.rule;

import org.vrouter.api.validation.WireNames;

/**
 * How a load balancer picks a destination: the algorithms the virtual router's haproxy supports.
 * CloudStack's names are also haproxy's {@code balance} keywords; the domain rule and the
 * load-balancer TO both carry this type.
 */
public enum LbAlgorithm {
    ROUND_ROBIN("roundrobin"),
    LEAST_CONN("leastconn"),
    SOURCE("source");

    private final String wireName;

    LbAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in haproxy's {@code balance} line. */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static LbAlgorithm fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), LbAlgorithm::wireName, "algorithm");
    }
}
