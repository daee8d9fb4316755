package org.vrouter.api.dc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.net.DnsServers;
import org.vrouter.api.validation.FieldChecks;

/**
 * A CloudStack zone (data center) as routers need it: its network model, which decides the
 * {@code zone.network.type} access detail on every command, and the name servers and domain that
 * routers hand to guests when the network sets none.
 *
 * @param id database id, positive
 * @param uuid the zone's uuid
 * @param name display name; lands in VM metadata ({@code availability-zone}), so no quotes or control characters
 * @param networkType Basic or Advanced
 * @param dns the zone's external name servers (zone {@code dns1/dns2/ip6dns1/ip6dns2})
 * @param domain the zone's network domain, if set
 */
public record Zone(long id, String uuid, String name, NetworkType networkType, DnsServers dns, Optional<String> domain) {
    public Zone {
        FieldChecks.requirePositive("zone_id", id);
        FieldChecks.requireIdentifier("zone_uuid", uuid);
        FieldChecks.requireSafeText("zone_name", FieldChecks.requireNonBlank("zone_name", name));
        requireNonNull(networkType, "networkType is null");
        requireNonNull(dns, "dns is null");
        requireNonNull(domain, "domain is null");
        domain.ifPresent(value -> FieldChecks.requireHostName("domain", value));
    }

    /** A zone without name servers or domain. */
    public static Zone of(long id, String uuid, String name, NetworkType networkType) {
        return new Zone(id, uuid, name, networkType, DnsServers.none(), Optional.empty());
    }

    public boolean isBasic() {
        return networkType == NetworkType.BASIC;
    }
}
