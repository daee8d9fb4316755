package org.vrouter.commands.wire.payload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * One host record of a {@link DnsConfigPayload}: a name the router's DNS server answers for, with
 * its addresses (IPv4 and IPv6 mixed). A vrouter extension: CloudStack has no such record.
 *
 * @param hostName an RFC 1123 host name, lower case
 * @param addresses at least one, no duplicates
 */
public record DnsHostRecord(
        @JsonProperty("host_name") String hostName,
        @JsonProperty("addresses") List<IpAddress> addresses) {

    public DnsHostRecord {
        FieldChecks.requireHostName("host_name", hostName);
        if (!hostName.equals(hostName.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidParameterException("host_name", "must be lower case", hostName);
        }
        addresses = WireChecks.list("addresses", addresses);
        if (addresses.isEmpty()) {
            throw new InvalidParameterException("addresses", "must list at least one address");
        }
        Set<IpAddress> seen = new HashSet<>();
        for (IpAddress address : addresses) {
            if (!seen.add(address)) {
                throw new InvalidParameterException("addresses", "lists an address twice", address);
            }
        }
    }
}
