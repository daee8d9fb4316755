package org.vrouter.hypervisor.netns.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.hypervisor.netns.SystemTools;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.host.ProgramCall;

/** Guests on a bridge of a hypervisor namespace of their own, without a router. */
@Tag("root")
class GuestVmTest {
    private final IpTool ip = IpTool.system();
    private NetnsNames names;
    private HypervisorNetwork network;
    private String bridge;

    @BeforeEach
    void createNetwork() throws IOException {
        SystemTools.requireRootAnd("ip", "busybox");
        names = NetnsNames.unique("vt");
        network = HypervisorNetwork.create(names, ip);
        bridge = network.bridge(TrafficType.GUEST, Optional.of(BroadcastUri.vlan(5)));
    }

    @AfterEach
    void closeNetwork() throws IOException {
        if (network != null) {
            network.close();
            assertThat(ip.namespaces()).noneMatch(names::owns);
        }
    }

    @Test
    void guestsOnOneBridgeReachEachOtherAndCloseRemovesEverythingTheyMade() throws IOException {
        GuestVm first = GuestVm.create(network, "a", MacAddress.parse("02:00:00:00:05:01"), bridge);
        GuestVm second = GuestVm.create(network, "b", MacAddress.parse("02:00:00:00:05:02"), bridge);
        try {
            first.configureStatic(Cidr.parse("10.5.0.1/24"), Optional.empty());
            second.configureStatic(Cidr.parse("10.5.0.2/24"), Optional.empty());

            assertThat(ip.in(first.namespace(), "-o", "link", "show", "dev", "eth0").stdout()).contains("link/ether 02:00:00:00:05:01");
            assertThat(first.addresses()).containsExactly(Cidr.parse("10.5.0.1/24"));
            assertThat(ip.ports(network.namespace(), bridge)).containsExactlyInAnyOrder("vg1-eth0", "vg2-eth0");
            assertThat(first.run(ProgramCall.of("busybox", "ping", "-c", "1", "-W", "2", "10.5.0.2").withTimeout(Duration.ofSeconds(10)))
                    .succeeded()).isTrue();
            assertThat(Files.readString(GuestVm.NETNS_ETC.resolve(first.namespace()).resolve("resolv.conf"))).doesNotContain("nameserver");
        }
        finally {
            first.close();
            second.close();
        }

        assertThat(ip.namespaces()).doesNotContain(first.namespace(), second.namespace());
        assertThat(GuestVm.NETNS_ETC.resolve(first.namespace())).doesNotExist();
        assertThat(network.links()).containsExactlyInAnyOrder("lo", bridge);
        assertThat(network.deleteUnusedBridges()).containsExactly(bridge);
        assertThatThrownBy(() -> first.run("true")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aSecondGuestOfTheSameNameIsRefused() throws IOException {
        try (GuestVm first = GuestVm.create(network, "twin", MacAddress.parse("02:00:00:00:05:03"), bridge)) {
            assertThatThrownBy(() -> GuestVm.create(network, "twin", MacAddress.parse("02:00:00:00:05:04"), bridge))
                    .isInstanceOf(IOException.class).hasMessageContaining("exists already");
            assertThat(first.run("true").succeeded()).isTrue();
        }
    }

    @Test
    void aGuestOnAMissingBridgeLeavesNothingBehind() {
        assertThatThrownBy(() -> GuestVm.create(network, "lost", MacAddress.parse("02:00:00:00:05:05"), "br-nowhere"))
                .isInstanceOf(IOException.class).hasMessageContaining("br-nowhere");

        assertThat(ip.namespaceExists(names.guestNamespace("lost"))).isFalse();
        assertThat(GuestVm.NETNS_ETC.resolve(names.guestNamespace("lost"))).doesNotExist();
    }
}
