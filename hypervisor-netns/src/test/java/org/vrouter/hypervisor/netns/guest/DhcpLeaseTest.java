package org.vrouter.hypervisor.netns.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

class DhcpLeaseTest {
    @Test
    void readsWhatTheClientScriptRecorded() {
        DhcpLease lease = DhcpLease.parse("""
                ip=10.1.1.10
                mask=24
                subnet=255.255.255.0
                router=10.1.1.1 10.1.1.2
                dns=10.1.1.1 192.0.2.53
                domain=cs2cloud.internal
                serverid=10.1.1.1
                lease=3600
                """);

        assertThat(lease.address()).isEqualTo(Cidr.parse("10.1.1.10/24"));
        assertThat(lease.ip()).isEqualTo(IpAddress.parse("10.1.1.10"));
        assertThat(lease.gateway()).contains(IpAddress.parse("10.1.1.1"));
        assertThat(lease.dnsServers()).containsExactly(IpAddress.parse("10.1.1.1"), IpAddress.parse("192.0.2.53"));
        assertThat(lease.domain()).contains("cs2cloud.internal");
        assertThat(lease.server()).contains(IpAddress.parse("10.1.1.1"));
        assertThat(lease.leaseTime()).contains(Duration.ofHours(1));
    }

    @Test
    void anInfiniteLeaseHasNoLeaseTimeAndTheSubnetStandsInForAMissingMask() {
        DhcpLease lease = DhcpLease.parse("ip=10.1.1.10\nmask=\nsubnet=255.255.0.0\nrouter=\ndns=\ndomain=\nserverid=\nlease=4294967295\n");

        assertThat(lease.address()).isEqualTo(Cidr.parse("10.1.1.10/16"));
        assertThat(lease.gateway()).isEmpty();
        assertThat(lease.dnsServers()).isEmpty();
        assertThat(lease.domain()).isEmpty();
        assertThat(lease.leaseTime()).isEmpty();
    }

    @Test
    void rejectsALeaseWithoutAnAddressOrWithAMalformedValue() {
        assertThatThrownBy(() -> DhcpLease.parse("mask=24\n")).isInstanceOf(InvalidParameterException.class).hasMessageContaining("ip");
        assertThatThrownBy(() -> DhcpLease.parse("ip=10.1.1.10\nmask=33\n")).hasMessageContaining("mask");
        assertThatThrownBy(() -> DhcpLease.parse("ip=10.1.1.10\nmask=24\ndns=10.1.1.1;rm\n")).hasMessageContaining("dns");
    }
}
