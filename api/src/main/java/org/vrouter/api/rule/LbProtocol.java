package org.vrouter.api.rule;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.WireNames;

/**
 * The protocol a load-balancing rule balances. {@code tcp-proxy} passes the client address with
 * the PROXY protocol. The virtual router rejects {@code udp} when it validates a rule, but the
 * value exists on the wire. The domain rule and the load-balancer TO both carry this type.
 *
 * <p>CloudStack also knows {@code ssl} (TLS offload with a certificate); vrouter does not carry
 * certificates yet, so {@link #fromWireName} rejects it with a message saying so.
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

    /** Looks up a wire name, ignoring case; {@code ssl} is refused with its own message. */
    public static LbProtocol fromWireName(String field, String name) {
        if ("ssl".equalsIgnoreCase(name)) {
            throw new InvalidParameterException(field, "ssl offload needs certificates, which vrouter does not support yet", name);
        }
        return WireNames.fromWireName(field, name, values(), LbProtocol::wireName, "protocol");
    }
}
