package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.router.RedundantState;
import org.vrouter.router.databag.Databags;

/**
 * What a VRRP transition takes as the router's state ({@link VrrpObservation}), above all that a gateway a
 * killed keepalived left on the interface makes no PRIMARY: the crash benchmark's split brain, where a crashed
 * router's late FAULT hook saw the gateway, entered PRIMARY and raised its links beside the new PRIMARY.
 */
class VrrpObservationTest {
    private static final String GATEWAY = RedundantBags.GATEWAY + "/24";

    @TempDir
    Path root;

    private static RedundancyInput input(Databags bags) {
        return RedundancyInputs.from(bags).input().orElseThrow();
    }

    @Test
    void aGatewayHeldWhileKeepalivedRunsIsPrimary() {
        VrrpObservation observed = new VrrpObservation(true, true);

        assertThat(observed.state(RedundantState.BACKUP, false)).isEqualTo(RedundantState.PRIMARY);
        assertThat(observed.state(RedundantState.FAULT, false)).as("hooks run out of order").isEqualTo(RedundantState.PRIMARY);
        assertThat(observed.stale()).isFalse();
    }

    @Test
    void aGatewayWithoutKeepalivedIsStaleAndNeverPrimary() {
        VrrpObservation observed = new VrrpObservation(true, false);

        assertThat(observed.state(RedundantState.PRIMARY, false)).isEqualTo(RedundantState.BACKUP);
        assertThat(observed.state(RedundantState.FAULT, false)).isEqualTo(RedundantState.FAULT);
        assertThat(observed.stale()).isTrue();
    }

    @Test
    void keepalivedStoppingIsBackupWhileItStillHoldsTheGateway() {
        assertThat(new VrrpObservation(true, true).state(RedundantState.BACKUP, true)).isEqualTo(RedundantState.BACKUP);
        assertThat(new VrrpObservation(true, true).stale()).isFalse();
    }

    @Test
    void noGatewayIsTheAskedStateOrBackup() {
        assertThat(new VrrpObservation(false, false).state(RedundantState.PRIMARY, false)).isEqualTo(RedundantState.BACKUP);
        assertThat(new VrrpObservation(false, false).state(RedundantState.FAULT, false)).isEqualTo(RedundantState.FAULT);
        assertThat(new VrrpObservation(false, false).stale()).isFalse();
    }

    @Test
    void findsKeepalivedsRawSocketsInSsOutput() {
        assertThat(VrrpObservation.listsVrrpSocket("UNCONN 0      0         0.0.0.0:112 0.0.0.0:*\n"
                + "UNCONN 0      0      224.0.0.18:112 0.0.0.0:*\n")).isTrue();
        assertThat(VrrpObservation.listsVrrpSocket("UNCONN 0 0 0.0.0.0%eth0:112 0.0.0.0:*\n")).as("bound to a device").isTrue();
        assertThat(VrrpObservation.listsVrrpSocket("UNCONN 0 0 [::]:112 [::]:*\n")).as("IPv6").isTrue();
        assertThat(VrrpObservation.listsVrrpSocket("UNCONN 0 0 0.0.0.0:1 0.0.0.0:*\n")).as("a raw ICMP socket").isFalse();
        assertThat(VrrpObservation.listsVrrpSocket("UNCONN 0 0 0.0.0.0:1120 0.0.0.0:*\n")).isFalse();
        assertThat(VrrpObservation.listsVrrpSocket("")).isFalse();
    }

    @Test
    void readsTheKernelAndLooksForKeepalivedOnlyWhenTheGatewayIsHeld() throws IOException {
        Databags bags = RedundantBags.member(1, "1");
        VrrpKernelHost idle = new VrrpKernelHost(root).withAddress("10.1.1.2/24", "eth0").withKeepalived(true);

        assertThat(VrrpObservation.of(idle, input(bags))).isEqualTo(new VrrpObservation(false, false));
        assertThat(idle.calls()).noneMatch(call -> call.startsWith("ss "));

        VrrpKernelHost held = new VrrpKernelHost(root).withAddress(GATEWAY, "eth0").withKeepalived(true);
        assertThat(VrrpObservation.of(held, input(bags))).isEqualTo(new VrrpObservation(true, true));
        assertThat(VrrpObservation.of(held.withKeepalived(false), input(bags))).isEqualTo(new VrrpObservation(true, false));
    }

    @Test
    void aTransitionWithoutKeepalivedRemovesTheGatewayItLeftAndEntersTheAskedState() throws IOException {
        Databags bags = RedundantBags.withTier(RedundantBags.withBootArgs(RedundantBags.member(1, "1"), Map.of("redundant_state", "PRIMARY")), 1);
        VrrpKernelHost kernel = new VrrpKernelHost(root).withAddress("10.1.1.2/24", "eth0").withAddress(GATEWAY, "eth0")
                .withAddress("10.1.2.1/24", "eth3").withKeepalived(false);

        RedundancyTransition.Outcome outcome = new RedundancyTransition(kernel).enterLocked(bags, RedundantState.FAULT);

        assertThat(outcome.state()).isEqualTo(RedundantState.FAULT);
        assertThat(kernel.holds(GATEWAY, "eth0")).as("the advertised gateway").isFalse();
        assertThat(kernel.holds("10.1.2.1/24", "eth3")).as("the other tier's gateway").isFalse();
        assertThat(kernel.holds("10.1.1.2/24", "eth0")).as("the router's own address").isTrue();
        assertThat(RedundancyTransition.recorded(kernel)).isEqualTo(RedundantState.FAULT);
        assertThat(kernel.calls()).as("the addresses applied for FAULT").contains("  link set dev eth2 down").doesNotContain("  link set dev eth2 up");
    }

    @Test
    void aTransitionWithKeepalivedHoldingTheGatewayIsPrimaryAndLeavesTheGateway() throws IOException {
        Databags bags = RedundantBags.member(2, "1");
        VrrpKernelHost kernel = new VrrpKernelHost(root).withAddress("10.1.1.3/24", "eth0").withAddress(GATEWAY, "eth0").withKeepalived(true);

        RedundancyTransition.Outcome outcome = new RedundancyTransition(kernel).enterLocked(bags, RedundantState.BACKUP);

        assertThat(outcome.state()).isEqualTo(RedundantState.PRIMARY);
        assertThat(kernel.holds(GATEWAY, "eth0")).isTrue();
        assertThat(kernel.calls()).noneMatch(call -> call.startsWith("ip -4 address del"));
        assertThat(RedundancyTransition.recorded(kernel)).isEqualTo(RedundantState.PRIMARY);
        assertThat(kernel.calls()).contains("  link set dev eth2 up");
    }

    @Test
    void aPrimaryWhoseKeepalivedIsKilledWhileItsLinksComeUpFallsBackAndDropsTheGateway() throws IOException {
        Databags bags = RedundantBags.member(2, "1");
        VrrpKernelHost kernel = new VrrpKernelHost(root).withAddress("10.1.1.3/24", "eth0").withAddress(GATEWAY, "eth0").withKeepalived(true)
                .killingKeepalivedWhenThePublicLinkComesUp();

        RedundancyTransition.Outcome outcome = new RedundancyTransition(kernel).enterLocked(bags, RedundantState.FAULT);

        assertThat(outcome.state()).isEqualTo(RedundantState.FAULT);
        assertThat(kernel.holds(GATEWAY, "eth0")).isFalse();
        List<String> calls = kernel.calls();
        assertThat(calls.lastIndexOf("  link set dev eth2 down")).as("the public link down again, after it came up")
                .isGreaterThan(calls.indexOf("  link set dev eth2 up"));
        assertThat(RedundancyTransition.recorded(kernel)).isEqualTo(RedundantState.FAULT);
    }

    @Test
    void keepalivedStartsOnlyAfterTheFirewallThatAcceptsVrrpConverged() {
        assertThat(RedundancyService.STANDARD_DEPENDENCIES).containsExactlyInAnyOrder("addresses", "firewall");
    }
}
