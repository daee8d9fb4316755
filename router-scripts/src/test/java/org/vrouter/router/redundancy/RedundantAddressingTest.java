package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.router.address.Addressing;
import org.vrouter.router.address.AddressingInputs;
import org.vrouter.router.address.InterfaceAddresses;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;

/** How the recorded VRRP state shapes a redundant member's addresses ({@link AddressingInputs}) and how boot arguments merge into it. */
class RedundantAddressingTest {
    private static InterfaceAddresses device(Addressing addressing, String name) {
        return addressing.interfaces().stream().filter(device -> device.device().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBackupKeepsItsPublicLinkDownAndHasNoRouteThroughIt() {
        Addressing addressing = AddressingInputs.from(RedundantBags.withBootArgs(RedundantBags.member(2, "1"), Map.of("redundant_state", "BACKUP")));

        assertThat(device(addressing, "eth2").up()).isFalse();
        assertThat(device(addressing, "eth0").up()).isTrue();
        assertThat(addressing.routes()).noneMatch(route -> route.gateway().filter(IpAddress.parse("gw", "203.0.113.1")::equals).isPresent());
    }

    @Test
    void aPrimaryBringsItsPublicLinkUpWithItsRoutes() {
        Addressing addressing = AddressingInputs.from(RedundantBags.withBootArgs(RedundantBags.member(2, "1"), Map.of("redundant_state", "PRIMARY")));

        assertThat(device(addressing, "eth2").up()).isTrue();
        assertThat(addressing.routes()).anyMatch(route -> route.gateway().filter(IpAddress.parse("gw", "203.0.113.1")::equals).isPresent());
    }

    @Test
    void leavesTheGatewayToKeepalived() {
        InterfaceAddresses guest = device(AddressingInputs.from(RedundantBags.member(1, "1")), "eth0");

        assertThat(guest.role()).isEqualTo(TrafficType.GUEST);
        assertThat(guest.unmanaged()).contains(IpAddress.parse("gw", RedundantBags.GATEWAY));
    }

    @Test
    void aFreshRouterStartsBackupWhateverItsBootArgumentsSay() {
        Databags first = RedundantBags.member(1, "1");

        assertThat(first.cmdLine().get("redundant_state")).as("the boot argument says PRIMARY").contains("BACKUP");
        assertThat(device(AddressingInputs.from(first), "eth2").up()).isFalse();
    }

    @Test
    void bootArgumentsResetTheStateUntilVrrpSpeaksAgain() {
        Databags primary = RedundantBags.withBootArgs(RedundantBags.member(2, "1"), Map.of("redundant_state", "PRIMARY"));
        String cmdLine = "{\"type\":\"cmdline\",\"cmd_line\":{\"name\":\"r-12-VM\",\"eth0ip\":\"10.1.1.3\",\"eth0mask\":\"255.255.255.0\","
                + "\"type\":\"router\",\"redundant_router\":\"1\",\"redundant_state\":\"PRIMARY\",\"guestgw\":\"10.1.1.1\"}}";

        Databags again = IsolatedRouter.mergeText(primary, "cmd_line.json", cmdLine);

        assertThat(again.cmdLine().get("redundant_state")).contains("BACKUP");
    }
}
