package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ip_aliases.json} ({@code ipaliases}): extra DHCP subnets on a shared network, from
 * {@code CreateIpAliasCommand} and {@code DeleteIpAliasCommand} (revoked aliases first, then the active
 * ones). The router merges them into the {@code ips} databag on its guest device.
 */
public record IpAliasesPayload(
        @JsonProperty("aliases") List<IpAlias> aliases,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public IpAliasesPayload {
        aliases = WireChecks.list("aliases", aliases);
    }

    public static IpAliasesPayload of(List<IpAlias> aliases) {
        return new IpAliasesPayload(aliases, false);
    }
}
