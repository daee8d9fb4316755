package org.vrouter.hypervisor.netns.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpToolTest {
    @Test
    void readsLinkNamesWithoutTheirPeerSuffix() {
        String output = """
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00
                2: br-g100: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 6e:5b:1c:aa:01:02
                3: vr1-eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br-g100 state UP\\    link/ether 76:71:d2:eb:f2:67 link-netns vt1-r-5-VM
                """;

        assertThat(IpTool.linkNames(output)).containsExactly("lo", "br-g100", "vr1-eth0");
        assertThat(IpTool.linkNames("")).isEmpty();
    }
}
