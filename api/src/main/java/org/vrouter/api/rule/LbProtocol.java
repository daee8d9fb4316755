package org.vrouter.api.rule;

import org.vrouter.api.validation.WireNames;

/**
 * The protocol a load-balancing rule balances. {@code tcp-proxy} passes the client address with
 * the PROXY protocol. The virtual router rejects {@code udp} when it validates a rule, but the
 * value exists on the wire.
 */
public enum LbProtocol {
    TCP("tcp"),
    UDP("udp"),
    TCP_PROXY("tcp-proxy");

    private final String wireName;

    LbProtocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static LbProtocol fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), LbProtocol::wireName);
    }
}
