package org.vrouter.api.network;

import java.util.OptionalInt;

import org.vrouter.api.validation.FieldChecks;

/**
 * The size of a VM: CPUs, CPU speed and memory (CloudStack's compute/system offering). Routers get
 * one from their network offering or the defaults chosen by the guru.
 *
 * @param speedMhz CPU speed per core in MHz
 * @param networkRateMbps the NIC rate limit, if the offering sets one
 */
public record ServiceOffering(long id, String uuid, String name, int cpus, int speedMhz, int ramMb, OptionalInt networkRateMbps) {
    public ServiceOffering {
        FieldChecks.requirePositive("service_offering_id", id);
        FieldChecks.requireIdentifier("service_offering_uuid", uuid);
        FieldChecks.requireSafeText("service_offering_name", FieldChecks.requireNonBlank("service_offering_name", name));
        FieldChecks.requireRange("cpus", cpus, 1, 1024);
        FieldChecks.requireRange("speed_mhz", speedMhz, 1, 1_000_000);
        FieldChecks.requireRange("ram_mb", ramMb, 1, 16 * 1024 * 1024);
        java.util.Objects.requireNonNull(networkRateMbps, "networkRateMbps is null");
        networkRateMbps.ifPresent(rate -> FieldChecks.requireRange("network_rate_mbps", rate, 1, 1_000_000));
    }

    /** An offering without a network rate limit. */
    public static ServiceOffering of(long id, String uuid, String name, int cpus, int speedMhz, int ramMb) {
        return new ServiceOffering(id, uuid, name, cpus, speedMhz, ramMb, OptionalInt.empty());
    }
}
