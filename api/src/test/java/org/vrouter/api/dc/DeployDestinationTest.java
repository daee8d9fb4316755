package org.vrouter.api.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.advancedZone;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeployDestinationTest {
    private final Zone zone = advancedZone();
    private final Pod pod = new Pod(2, "pod-2", "Pod 2", 1, cidr("192.168.10.0/24"), ip("192.168.10.1"));
    private final Cluster cluster = new Cluster(3, "cluster-3", "Cluster 3", 2, 1, HypervisorType.KVM);
    private final Host host = new Host(4, "host-4", "kvm-04", HypervisorType.KVM, ip("192.168.10.4"), 3, 2, 1);

    @Test
    void nestsZonePodClusterHost() {
        DeployDestination destination = DeployDestination.of(zone, pod, cluster, host);
        assertThat(destination.host()).hasValue(host);
        assertThat(DeployDestination.of(zone).pod()).isEmpty();
    }

    @Test
    void rejectsPodOfAnotherZone() {
        Pod elsewhere = new Pod(2, "pod-2", "Pod 2", 9, cidr("192.168.10.0/24"), ip("192.168.10.1"));
        assertInvalid(() -> DeployDestination.of(zone, elsewhere), "pod_id").hasMessageContaining("not in zone 1");
    }

    @Test
    void rejectsHostOutsideTheCluster() {
        Host other = new Host(4, "host-4", "kvm-04", HypervisorType.KVM, ip("192.168.10.4"), 8, 2, 1);
        assertInvalid(() -> DeployDestination.of(zone, pod, cluster, other), "host_id");
        assertInvalid(() -> new DeployDestination(zone, Optional.of(pod), Optional.empty(), Optional.of(host)), "host_id");
    }
}
