package org.vrouter.api.dc;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A hypervisor host that can run routers. Commands for a router go to the
 * {@code HypervisorResource} registered for its host id with the {@code AgentManager}.
 *
 * @param address the host's management address
 */
public record Host(long id, String uuid, String name, HypervisorType hypervisorType, IpAddress address, long clusterId, long podId, long zoneId) {
    public Host {
        FieldChecks.requirePositive("host_id", id);
        FieldChecks.requireIdentifier("host_uuid", uuid);
        FieldChecks.requireSafeText("host_name", FieldChecks.requireNonBlank("host_name", name));
        requireNonNull(hypervisorType, "hypervisorType is null");
        requireNonNull(address, "address is null");
        FieldChecks.requirePositive("cluster_id", clusterId);
        FieldChecks.requirePositive("pod_id", podId);
        FieldChecks.requirePositive("zone_id", zoneId);
    }
}
