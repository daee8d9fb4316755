package org.vrouter.commands.to;

import java.util.Arrays;
import java.util.Locale;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The protocol of a firewall, port-forwarding or static-NAT rule. Wire names are CloudStack's lower
 * case strings ({@code "tcp"}, {@code "udp"}, {@code "icmp"}, {@code "all"}), as they appear in
 * {@code firewall_rules.json}, {@code forwarding_rules.json} and {@code staticnat_rules.json}.
 */
public enum FirewallProtocol {
    TCP("tcp"),
    UDP("udp"),
    ICMP("icmp"),
    ALL("all");

    private final String wireName;

    FirewallProtocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether rules of this protocol carry port ranges (TCP and UDP). */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /** Looks up a wire name, ignoring case. */
    public static FirewallProtocol fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(value -> value.wireName.equals(lower))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(field, "unknown protocol (expected tcp, udp, icmp or all)", name));
    }
}
