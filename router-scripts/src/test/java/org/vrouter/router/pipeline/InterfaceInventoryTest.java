package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.MacAddress;

class InterfaceInventoryTest {
    @Test
    void readsEthernetInterfacesAndTheirMacs() {
        String links = """
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000\\    link/ether 02:00:4C:5F:00:01 brd ff:ff:ff:ff:ff:ff
                3: eth1@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 0e:00:a9:fe:03:2c brd ff:ff:ff:ff:ff:ff link-netnsid 0
                4: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\\    link/ether 0e:00:a9:fe:03:99 brd ff:ff:ff:ff:ff:ff
                """;

        var macs = InterfaceInventory.parse(links);

        assertThat(macs.devices()).hasSize(2);
        assertThat(macs.deviceOf(MacAddress.parse("02:00:4c:5f:00:01"))).contains("eth0");
        assertThat(macs.deviceOf(MacAddress.parse("0e:00:a9:fe:03:2c"))).contains("eth1");
    }

    @Test
    void knowsNothingFromNoOutput() {
        assertThat(InterfaceInventory.parse("").devices()).isEmpty();
    }
}
