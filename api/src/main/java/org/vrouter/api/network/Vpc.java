package org.vrouter.api.network;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.validation.FieldChecks;

/**
 * A virtual private cloud: one router (or redundant pair) serving several tier networks inside one
 * super CIDR ({@code vpccidr=} boot argument), with static routes, private gateways and
 * site-to-site VPN.
 *
 * @param cidr the VPC's super CIDR, a network CIDR; every tier's CIDR lies inside it
 * @param networkDomain the VPC's DNS domain ({@code domain=} boot argument of VPC routers)
 */
public record Vpc(long id, String uuid, String name, Zone zone, long accountId, Cidr cidr, Optional<String> networkDomain,
        DnsServers dns, boolean redundant) {
    public Vpc {
        FieldChecks.requirePositive("vpc_id", id);
        FieldChecks.requireIdentifier("vpc_uuid", uuid);
        FieldChecks.requireSafeText("vpc_name", FieldChecks.requireNonBlank("vpc_name", name));
        requireNonNull(zone, "zone is null");
        FieldChecks.requirePositive("account_id", accountId);
        requireNonNull(cidr, "cidr is null");
        cidr.requireNetworkAddress("vpc_cidr");
        requireNonNull(networkDomain, "networkDomain is null");
        networkDomain.ifPresent(domain -> FieldChecks.requireHostName("network_domain", domain));
        requireNonNull(dns, "dns is null");
    }
}
