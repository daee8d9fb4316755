package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code dhcp.json} ({@code dhcpconfig}): the subnets dnsmasq serves on a shared network with IP aliases,
 * from {@code DnsMasqConfigCommand}. The first entry is the router's guest NIC, the others its active
 * aliases. CloudStack's router does not save it (DHCP is re-rendered from the {@code dhcpentry} bag).
 */
public record DhcpConfigPayload(
        @JsonProperty("entries") List<DhcpConfigEntry> entries,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public DhcpConfigPayload {
        entries = WireChecks.list("entries", entries);
    }

    public static DhcpConfigPayload of(List<DhcpConfigEntry> entries) {
        return new DhcpConfigPayload(entries, false);
    }
}
