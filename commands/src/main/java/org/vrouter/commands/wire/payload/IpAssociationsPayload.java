package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ip_associations.json} ({@code ips}): public, guest and private-gateway addresses to add to or
 * remove from the router's NICs, from {@code IpAssocCommand} / {@code IpAssocVpcCommand}. The router merges
 * each entry into the {@code ips} databag under {@code eth<nic_dev_id>}.
 */
public record IpAssociationsPayload(
        @JsonProperty("ip_address") List<IpAddressEntry> ipAddress,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public IpAssociationsPayload {
        ipAddress = WireChecks.list("ip_address", ipAddress);
    }

    public static IpAssociationsPayload of(List<IpAddressEntry> ipAddress) {
        return new IpAssociationsPayload(ipAddress, false);
    }
}
