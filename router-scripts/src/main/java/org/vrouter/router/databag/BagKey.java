package org.vrouter.router.databag;

import java.util.Arrays;
import java.util.Optional;

import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.router.host.FileMode;

/**
 * The databags a router keeps, one file each: {@code /etc/cloudstack/<key>.json}. Bags that hold
 * passwords, pre-shared keys or boot secrets are written root-only.
 */
public enum BagKey {
    CMD_LINE("cmdline", true),
    IPS("ips", false),
    GUEST_NETWORK("guestnetwork", false),
    NETWORK_ACL("networkacl", false),
    VM_DATA("vmdata", false),
    DHCP_ENTRY("dhcpentry", false),
    VM_PASSWORD("vmpassword", true),
    FORWARDING_RULES("forwardingrules", false),
    FIREWALL_RULES("firewallrules", false),
    IPV6_FIREWALL_RULES("ipv6firewallrules", false),
    VPN_USER_LIST("vpnuserlist", true),
    SITE_2_SITE_VPN("site2sitevpn", true),
    REMOTE_ACCESS_VPN("remoteaccessvpn", true),
    STATIC_ROUTES("staticroutes", false),
    MONITOR_SERVICE("monitorservice", false),
    LOAD_BALANCER("loadbalancer", false),
    BGP_PEERS("bgppeers", true),
    /** vrouter extension: the router's DNS settings (no CloudStack counterpart). */
    DNS_CONFIG("dnsconfig", false);

    /** Where the bags live. */
    public static final String DIRECTORY = "/etc/cloudstack";

    private final String key;
    private final boolean secret;

    BagKey(String key, boolean secret) {
        this.key = key;
        this.secret = secret;
    }

    /** The bag's name, also the value of its {@code "id"} member ({@code ips}). */
    public String key() {
        return key;
    }

    /** {@code /etc/cloudstack/<key>.json}. */
    public String path() {
        return DIRECTORY + "/" + key + ".json";
    }

    /**
     * {@code /etc/cloudstack/<key>.json.journal}: the changes recorded since the bag file was last written
     * whole (see {@link DatabagStore#record}); only bags written entry by entry have one.
     */
    public String journalPath() {
        return path() + ".journal";
    }

    /** 0600 for bags holding secrets, 0644 otherwise. */
    public FileMode fileMode() {
        return secret ? FileMode.SECRET : FileMode.PUBLIC;
    }

    /** The bag a file type merges into; empty for {@code dhcpconfig}, which is not saved. */
    public static Optional<BagKey> of(DatabagType type) {
        return type.databagKey().map(BagKey::fromKey);
    }

    /** The bag named {@code key}. */
    public static BagKey fromKey(String key) {
        return Arrays.stream(values()).filter(value -> value.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown databag: " + key));
    }

    @Override
    public String toString() {
        return key;
    }
}
