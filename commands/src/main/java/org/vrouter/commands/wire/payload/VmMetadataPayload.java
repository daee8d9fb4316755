package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.IpAddress;

/**
 * {@code vm_metadata.json} ({@code vmdata}): user data and metadata of one VM NIC, from
 * {@code VmDataCommand}. The router replaces that VM's files under {@code /var/www/html/<folder>/<vm ip>/}.
 * Entry order is CloudStack's (user data first, then metadata).
 */
public record VmMetadataPayload(
        @JsonProperty("vm_ip_address") IpAddress vmIpAddress,
        @JsonProperty("vm_metadata") List<VmMetadataEntry> vmMetadata,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public VmMetadataPayload {
        WireChecks.required("vm_ip_address", vmIpAddress);
        vmMetadata = WireChecks.list("vm_metadata", vmMetadata);
    }

    public static VmMetadataPayload of(IpAddress vmIpAddress, List<VmMetadataEntry> vmMetadata) {
        return new VmMetadataPayload(vmIpAddress, vmMetadata, false);
    }
}
