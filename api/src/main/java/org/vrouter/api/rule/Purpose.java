package org.vrouter.api.rule;

import org.vrouter.api.validation.WireNames;

/**
 * What a firewall-style rule is for; the topology layer dispatches rules by purpose (CloudStack's
 * {@code FirewallRule.Purpose}). The firewall TO carries it too ({@code "purpose":"Firewall"}).
 */
public enum Purpose {
    FIREWALL("Firewall"),
    PORT_FORWARDING("PortForwarding"),
    STATIC_NAT("StaticNat"),
    LOAD_BALANCING("LoadBalancing"),
    VPN("Vpn"),
    NETWORK_ACL("NetworkACL"),
    IPV6_FIREWALL("Ipv6Firewall");

    private final String wireName;

    Purpose(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire ({@code purpose}). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static Purpose fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), Purpose::wireName);
    }
}
