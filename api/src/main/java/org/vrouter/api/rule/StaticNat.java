package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * One-to-one NAT between a public address and a VM's address: all traffic to the public address
 * goes to the VM, and the VM's outbound traffic leaves from it.
 *
 * @param revoked whether the mapping is being removed
 */
public record StaticNat(IpAddress publicIp, IpAddress vmIp, long networkId, boolean revoked) {
    public StaticNat {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(vmIp, "vmIp is null");
        FieldChecks.requirePositive("network_id", networkId);
        publicIp.requireIpv4("source_ip_address");
        vmIp.requireIpv4("destination_ip_address");
    }

    /** A mapping to add. */
    public static StaticNat of(IpAddress publicIp, IpAddress vmIp, long networkId) {
        return new StaticNat(publicIp, vmIp, networkId, false);
    }
}
