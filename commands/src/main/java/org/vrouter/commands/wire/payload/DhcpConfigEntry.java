package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;

/** One subnet of a {@link DhcpConfigPayload} (CloudStack's {@code DhcpTO}). */
public record DhcpConfigEntry(
        @JsonProperty("router_ip_address") IpAddress routerIpAddress,
        @JsonProperty("gateway") IpAddress gateway,
        @JsonProperty("netmask") Netmask netmask,
        @JsonProperty("first_ip_of_subnet") IpAddress firstIpOfSubnet) {

    public DhcpConfigEntry {
        WireChecks.required("router_ip_address", routerIpAddress);
        WireChecks.required("gateway", gateway);
        WireChecks.required("netmask", netmask);
        WireChecks.required("first_ip_of_subnet", firstIpOfSubnet);
    }
}
