package org.vrouter.api.dc;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.validation.FieldChecks;

/** A cluster of hosts of one hypervisor type inside a pod. */
public record Cluster(long id, String uuid, String name, long podId, long zoneId, HypervisorType hypervisorType) {
    public Cluster {
        FieldChecks.requirePositive("cluster_id", id);
        FieldChecks.requireIdentifier("cluster_uuid", uuid);
        FieldChecks.requireSafeText("cluster_name", FieldChecks.requireNonBlank("cluster_name", name));
        FieldChecks.requirePositive("pod_id", podId);
        FieldChecks.requirePositive("zone_id", zoneId);
        requireNonNull(hypervisorType, "hypervisorType is null");
    }
}
