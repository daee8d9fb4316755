package org.vrouter.api.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import org.junit.jupiter.api.Test;

class PodTest {
    @Test
    void acceptsGatewayInsideTheCidr() {
        Pod pod = new Pod(1, "pod-1", "Pod 1", 1, cidr("192.168.10.0/24"), ip("192.168.10.1"));
        assertThat(pod.gateway()).isEqualTo(ip("192.168.10.1"));
    }

    @Test
    void rejectsGatewayOutsideTheCidr() {
        assertInvalid(() -> new Pod(1, "pod-1", "Pod 1", 1, cidr("192.168.10.0/24"), ip("192.168.11.1")), "gateway")
                .hasMessageContaining("not inside the pod CIDR 192.168.10.0/24");
    }

    @Test
    void rejectsCidrWithHostBits() {
        assertInvalid(() -> new Pod(1, "pod-1", "Pod 1", 1, cidr("192.168.10.7/24"), ip("192.168.10.1")), "cidr")
                .hasMessageContaining("did you mean 192.168.10.0/24");
    }

    @Test
    void rejectsNameWithNewline() {
        assertInvalid(() -> new Pod(1, "pod-1", "Pod\n1", 1, cidr("192.168.10.0/24"), ip("192.168.10.1")), "pod_name");
    }
}
