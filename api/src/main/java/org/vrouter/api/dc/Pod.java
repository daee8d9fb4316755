package org.vrouter.api.dc;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A pod of a zone: its management subnet and gateway. The gateway becomes the {@code localgw} boot
 * argument of routers with a management NIC (VMware control NICs live in this subnet).
 *
 * @param cidr the pod's management subnet, a network CIDR (no host bits)
 * @param gateway inside {@code cidr}
 */
public record Pod(long id, String uuid, String name, long zoneId, Cidr cidr, IpAddress gateway) {
    public Pod {
        FieldChecks.requirePositive("pod_id", id);
        FieldChecks.requireIdentifier("pod_uuid", uuid);
        FieldChecks.requireSafeText("pod_name", FieldChecks.requireNonBlank("pod_name", name));
        FieldChecks.requirePositive("zone_id", zoneId);
        requireNonNull(cidr, "cidr is null");
        requireNonNull(gateway, "gateway is null");
        cidr.requireNetworkAddress("cidr");
        if (!cidr.contains(gateway)) {
            throw new InvalidParameterException("gateway", "not inside the pod CIDR " + cidr, gateway);
        }
    }
}
