package org.vrouter.api.dc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Where something is (or will be) deployed: always a zone, then optionally a pod, a cluster and a
 * host, each inside the previous one. A network is implemented with a zone-level destination; a
 * VM start carries the host it was placed on.
 */
public record DeployDestination(Zone zone, Optional<Pod> pod, Optional<Cluster> cluster, Optional<Host> host) {
    public DeployDestination {
        requireNonNull(zone, "zone is null");
        requireNonNull(pod, "pod is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(host, "host is null");
        if (pod.isPresent() && pod.get().zoneId() != zone.id()) {
            throw new InvalidParameterException("pod_id", "pod is not in zone " + zone.id(), pod.get().id());
        }
        if (cluster.isPresent()) {
            if (pod.isEmpty() || cluster.get().podId() != pod.get().id()) {
                throw new InvalidParameterException("cluster_id", "cluster is not in the destination pod", cluster.get().id());
            }
        }
        if (host.isPresent()) {
            if (cluster.isEmpty() || host.get().clusterId() != cluster.get().id()) {
                throw new InvalidParameterException("host_id", "host is not in the destination cluster", host.get().id());
            }
        }
    }

    /** A zone-level destination. */
    public static DeployDestination of(Zone zone) {
        return new DeployDestination(zone, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A pod-level destination. */
    public static DeployDestination of(Zone zone, Pod pod) {
        return new DeployDestination(zone, Optional.of(pod), Optional.empty(), Optional.empty());
    }

    /** A host-level destination. */
    public static DeployDestination of(Zone zone, Pod pod, Cluster cluster, Host host) {
        return new DeployDestination(zone, Optional.of(pod), Optional.of(cluster), Optional.of(host));
    }
}
