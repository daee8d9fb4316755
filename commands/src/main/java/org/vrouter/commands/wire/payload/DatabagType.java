package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.vrouter.api.error.InvalidParameterException;

/**
 * CloudStack's catalogue of databag file types: for each, the file base under
 * {@code /var/cache/cloud/} ({@code ip_associations}), the JSON {@code type} ({@code ips}), the databag
 * the router merges it into ({@code /etc/cloudstack/ips.json}) and the payload record.
 *
 * <p>Two dispatch keys exist on the router and both are supported: the merge step dispatches on the
 * JSON type, the converge step on the file base (the name cut at its first {@code .json}). Some types
 * share a databag ({@code forwardrules} and {@code staticnatrules} go into {@code forwardingrules},
 * {@code ipaliases} into {@code ips}); {@code dhcpconfig} is not saved at all. One type, {@link #DNS_CONFIG}, is a
 * vrouter extension ({@link #isVrouterExtension()}).
 */
public enum DatabagType {
    CMD_LINE("cmd_line", "cmdline", "cmdline", CmdLinePayload.class),
    IP_ASSOCIATIONS("ip_associations", "ips", "ips", IpAssociationsPayload.class),
    GUEST_NETWORK("guest_network", "guestnetwork", "guestnetwork", GuestNetworkPayload.class),
    NETWORK_ACL("network_acl", "networkacl", "networkacl", NetworkAclPayload.class),
    VM_METADATA("vm_metadata", "vmdata", "vmdata", VmMetadataPayload.class),
    VM_DHCP_ENTRY("vm_dhcp_entry", "dhcpentry", "dhcpentry", DhcpEntryPayload.class),
    VM_PASSWORD("vm_password", "vmpassword", "vmpassword", VmPasswordPayload.class),
    FORWARDING_RULES("forwarding_rules", "forwardrules", "forwardingrules", ForwardingRulesPayload.class),
    STATICNAT_RULES("staticnat_rules", "staticnatrules", "forwardingrules", StaticNatRulesPayload.class),
    FIREWALL_RULES("firewall_rules", "firewallrules", "firewallrules", FirewallRulesPayload.class),
    /** Bag key unverified in CloudStack; presumed to be its own bag. */
    IPV6_FIREWALL_RULES("ipv6_firewall_rules", "ipv6firewallrules", "ipv6firewallrules", Ipv6FirewallRulesPayload.class),
    VPN_USER_LIST("vpn_user_list", "vpnuserlist", "vpnuserlist", VpnUserListPayload.class),
    SITE_2_SITE_VPN("site_2_site_vpn", "site2sitevpn", "site2sitevpn", Site2SiteVpnPayload.class),
    REMOTE_ACCESS_VPN("remote_access_vpn", "remoteaccessvpn", "remoteaccessvpn", RemoteAccessVpnPayload.class),
    STATIC_ROUTES("static_routes", "staticroutes", "staticroutes", StaticRoutesPayload.class),
    MONITOR_SERVICE("monitor_service", "monitorservice", "monitorservice", MonitorServicePayload.class),
    /** Not saved: the router re-renders DHCP from the {@code dhcpentry} bag. */
    DHCP_CONFIG("dhcp", "dhcpconfig", null, DhcpConfigPayload.class),
    IP_ALIASES("ip_aliases", "ipaliases", "ips", IpAliasesPayload.class),
    LOAD_BALANCER("load_balancer", "loadbalancer", "loadbalancer", LoadBalancerPayload.class),
    /** CloudStack 4.20+; the file name is inferred from the converge key (unverified). */
    BGP_PEERS("bgp_peers", "bgppeers", "bgppeers", BgpPeersPayload.class),
    /**
     * <b>vrouter extension</b>, unknown to CloudStack: the router's DNS settings from {@code SetDnsConfigCommand}.
     * A stock CloudStack router does not understand it and a CloudStack management server never sends it.
     */
    DNS_CONFIG("dns_config", "dnsconfig", "dnsconfig", DnsConfigPayload.class, true);

    private static final String JSON_SUFFIX = ".json";

    private final String fileBase;
    private final String jsonType;
    private final String databagKey;
    private final Class<? extends Payload> payloadClass;
    private final boolean vrouterExtension;

    DatabagType(String fileBase, String jsonType, String databagKey, Class<? extends Payload> payloadClass) {
        this(fileBase, jsonType, databagKey, payloadClass, false);
    }

    DatabagType(String fileBase, String jsonType, String databagKey, Class<? extends Payload> payloadClass, boolean vrouterExtension) {
        this.fileBase = fileBase;
        this.jsonType = jsonType;
        this.databagKey = databagKey;
        this.payloadClass = payloadClass;
        this.vrouterExtension = vrouterExtension;
    }

    /**
     * Whether this type is vrouter's own and not CloudStack's: only a vrouter router understands it, and
     * only a vrouter management side sends it.
     */
    public boolean isVrouterExtension() {
        return vrouterExtension;
    }

    /** The file name before {@code .json} ({@code ip_associations}); the router's converge key. */
    public String fileBase() {
        return fileBase;
    }

    /** {@code <base>.json}, the name CloudStack gives the file before adding a UUID. */
    public String fileName() {
        return fileBase + JSON_SUFFIX;
    }

    /** {@code <base>.json.<uuid>}, the name of one delivered file. */
    public String fileName(UUID id) {
        requireNonNull(id, "id is null");
        return fileName() + "." + id;
    }

    /** The JSON {@code type} value ({@code ips}); the router's merge key. */
    public String jsonType() {
        return jsonType;
    }

    /** The databag ({@code /etc/cloudstack/<key>.json}) the file merges into; empty when it is not saved. */
    public Optional<String> databagKey() {
        return Optional.ofNullable(databagKey);
    }

    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    /** The type whose JSON {@code type} is {@code type}, compared exactly; the error names the field {@code type}. */
    public static DatabagType fromJsonType(String type) {
        if (type == null) {
            throw new InvalidParameterException("type", "is missing");
        }
        return Arrays.stream(values()).filter(value -> value.jsonType.equals(type)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("type", "unknown payload type (expected one of " + jsonTypes() + ")", type));
    }

    /**
     * The type of a delivered file, as the router finds it: directories dropped, the name cut at its first
     * {@code .json} ({@code vm_dhcp_entry.json.6d1f…} → {@code vm_dhcp_entry}). The error names the field {@code file}.
     */
    public static DatabagType fromFileName(String fileName) {
        if (fileName == null) {
            throw new InvalidParameterException("file", "is missing");
        }
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int suffix = name.indexOf(JSON_SUFFIX);
        String base = suffix < 0 ? name : name.substring(0, suffix);
        return Arrays.stream(values()).filter(value -> value.fileBase.equals(base)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("file", "not a databag file (expected <type>.json[.<uuid>])", fileName));
    }

    /** The type of a payload record class. */
    public static DatabagType of(Class<? extends Payload> payloadClass) {
        requireNonNull(payloadClass, "payloadClass is null");
        for (DatabagType value : values()) {
            if (value.payloadClass == payloadClass) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a payload record: " + payloadClass.getName());
    }

    static java.util.List<String> jsonTypes() {
        return Arrays.stream(values()).map(DatabagType::jsonType).toList();
    }
}
