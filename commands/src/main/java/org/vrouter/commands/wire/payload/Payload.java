package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One CloudStack databag file as it travels to a router: {@code /var/cache/cloud/<name>.json.<uuid>}.
 * The management side builds one per command and writes it with {@link PayloadCodec#toJson}; the
 * router side reads it back with {@link PayloadCodec#parse(String)} and merges it into its databag.
 *
 * <p>Every payload carries CloudStack's {@code ConfigBase} fields, written after its own fields: the
 * JSON {@code type} (fixed per record, see {@link DatabagType}) and {@code delete_from_processed_cache}
 * (true: the router deletes the input instead of archiving it, {@code update_config.py <file> false}).
 *
 * <p>Implementations are immutable records that validate every field on construction, so a payload
 * that exists is one a router can apply; errors name the wire field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = false)
public sealed interface Payload
        permits CmdLinePayload, IpAssociationsPayload, GuestNetworkPayload, NetworkAclPayload, VmMetadataPayload,
        DhcpEntryPayload, VmPasswordPayload, ForwardingRulesPayload, StaticNatRulesPayload, FirewallRulesPayload,
        Ipv6FirewallRulesPayload, VpnUserListPayload, Site2SiteVpnPayload, RemoteAccessVpnPayload, StaticRoutesPayload,
        MonitorServicePayload, DhcpConfigPayload, IpAliasesPayload, LoadBalancerPayload, BgpPeersPayload, DnsConfigPayload {

    /** The JSON {@code type} of this payload ({@code ips}, {@code dhcpentry}...). */
    @JsonProperty("type")
    default String type() {
        return databagType().jsonType();
    }

    /** The file type this payload belongs to. */
    default DatabagType databagType() {
        return DatabagType.of(getClass());
    }

    /** Whether the router deletes the input file after merging instead of archiving it. */
    @JsonProperty("delete_from_processed_cache")
    boolean deleteFromProcessedCache();
}
