package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * {@code dns_config.json} ({@code dnsconfig}): the router's DNS service settings, from
 * {@code SetDnsConfigCommand}. <b>A vrouter extension:</b> CloudStack has neither the command nor this
 * file type, so a stock CloudStack router rejects it and a CloudStack management server never sends
 * it. There the domain and DNS servers travel in the boot arguments and in {@code guest_network.json},
 * and host records are the VMs' {@code vm_dhcp_entry.json} files.
 *
 * <p>The router replaces its whole {@code dnsconfig} databag with each file.
 *
 * @param domain the DNS domain the router serves
 * @param forwarders upstream DNS servers in order of preference, no duplicates; empty: keep the
 *     router's defaults
 * @param hostRecords extra names the router answers for, sorted by name, each name once
 */
public record DnsConfigPayload(
        @JsonProperty("domain") Optional<String> domain,
        @JsonProperty("forwarders") List<IpAddress> forwarders,
        @JsonProperty("host_records") List<DnsHostRecord> hostRecords,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public DnsConfigPayload {
        requireNonNull(domain, "domain is null").ifPresent(value -> FieldChecks.requireHostName("domain", value));
        forwarders = WireChecks.list("forwarders", forwarders);
        Set<IpAddress> seen = new HashSet<>();
        for (int i = 0; i < forwarders.size(); i++) {
            if (!seen.add(forwarders.get(i))) {
                throw new InvalidParameterException("forwarders[" + i + "]", "listed twice", forwarders.get(i));
            }
        }
        hostRecords = WireChecks.list("host_records", hostRecords);
        for (int i = 1; i < hostRecords.size(); i++) {
            if (hostRecords.get(i - 1).hostName().compareTo(hostRecords.get(i).hostName()) >= 0) {
                throw new InvalidParameterException("host_records[" + i + "].host_name", "records must be sorted by name, each name once",
                        hostRecords.get(i).hostName());
            }
        }
    }

    public static DnsConfigPayload of(Optional<String> domain, List<IpAddress> forwarders, List<DnsHostRecord> hostRecords) {
        return new DnsConfigPayload(domain, forwarders, hostRecords, false);
    }
}
