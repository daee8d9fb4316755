package org.vrouter.commands.to;

import java.util.Arrays;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The protocol of a load balancer rule, as CloudStack names it: {@code tcp}, {@code udp} or
 * {@code tcp-proxy} (TCP with the PROXY protocol header sent to the destinations).
 *
 * <p>CloudStack also knows {@code ssl} (TLS offload with a certificate); vrouter does not carry
 * certificates yet, so {@link #fromWireName} rejects it with a message saying so. {@code udp}
 * exists because other providers balance UDP; the virtual router's haproxy cannot, and
 * {@code LoadBalancerConfigCommand} rejects it.
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
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (LbProtocol value : values()) {
            if (value.wireName.equalsIgnoreCase(name)) {
                return value;
            }
        }
        if (name.equalsIgnoreCase("ssl")) {
            throw new InvalidParameterException(field, "ssl offload needs certificates, which vrouter does not support yet", name);
        }
        throw new InvalidParameterException(field,
                "unknown protocol (expected one of " + Arrays.stream(values()).map(LbProtocol::wireName).toList() + ")", name);
    }
}
