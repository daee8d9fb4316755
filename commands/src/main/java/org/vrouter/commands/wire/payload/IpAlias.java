package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.validation.FieldChecks;

/**
 * One alias of an {@link IpAliasesPayload}: an extra IPv4 address of the router on its guest device.
 *
 * @param revoke true: remove the alias
 * @param count the alias number
 */
public record IpAlias(
        @JsonProperty("revoke") boolean revoke,
        @JsonProperty("ip_address") IpAddress ipAddress,
        @JsonProperty("netmask") Netmask netmask,
        @JsonProperty("count") long count) {

    public IpAlias {
        WireChecks.required("ip_address", ipAddress);
        if (!ipAddress.isIpv4()) {
            throw new InvalidParameterException("ip_address", "must be an IPv4 address (the netmask is dotted)", ipAddress);
        }
        WireChecks.required("netmask", netmask);
        FieldChecks.requireNonNegative("count", count);
    }
}
