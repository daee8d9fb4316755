package org.vrouter.commands.to;

/**
 * What a firewall-family rule is for: CloudStack's {@code FirewallRule.Purpose}, written on the
 * wire by its Java name ({@code "purpose":"Firewall"}).
 */
public enum FirewallPurpose {
    FIREWALL("Firewall"),
    PORT_FORWARDING("PortForwarding"),
    STATIC_NAT("StaticNat"),
    LOAD_BALANCING("LoadBalancing"),
    VPN("Vpn"),
    NETWORK_ACL("NetworkACL"),
    IPV6_FIREWALL("Ipv6Firewall");

    private final String wireName;

    FirewallPurpose(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
