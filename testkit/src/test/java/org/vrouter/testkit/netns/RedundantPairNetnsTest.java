package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * A redundant pair for real: a redundant isolated network deployed through the element and the router
 * manager onto two namespace routers on shared guest and public bridges, running keepalived and conntrackd.
 * Exactly one holds the gateway; a VM leases, resolves and leaves through source NAT via it; a graceful
 * keepalived stop and a crash (SIGKILL, links down) each move the gateway to the other; a TCP connection
 * through source NAT lives through a failover; the management side reads the states through
 * {@code CheckRouterCommand}; a rolling restart replaces both routers with the gateway outage the VM sees
 * printed. Everything is deleted in {@link #deleteEverything()}.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class RedundantPairNetnsTest {
    private static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    /** 3 x advert_int (1 s) + skew, plus the notify hook's JVM, with room for a loaded machine. */
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(15);
    private static final int EGRESS_PORT = 9000;
    private static final int STREAM_PORT = 9100;

    private final IpTool ip = IpTool.system();
    private Path work;
    private NetnsNames names;
    private NetnsVrouter vrouter;
    private TestNetwork network;
    private RedundantPair pair;
    private GuestVm vm;
    private DhcpLease lease;

    @BeforeAll
    void deployThePair() throws IOException {
        RootTools.requireRootAndTools();
        RootTools.requireRedundancyTools();
        work = Files.createTempDirectory("vrouter-rvr-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("vr");
        vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        network = vrouter.cloud().redundantNetwork();
        network.withEgressRule(Protocol.TCP, PortRange.of(EGRESS_PORT));
        network.withEgressRule(Protocol.TCP, PortRange.of(STREAM_PORT));
        vrouter.element().implement(network.network(), network.network().offering(), vrouter.cloud().destination());
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        pair = new RedundantPair(vrouter, network);
        VirtualMachineProfile profile = network.addVm("vm-1");
        vrouter.element().prepare(network.network(), profile.nicIn(network.id()).orElseThrow(), profile, vrouter.cloud().destination());
        vm = vrouter.guest(network, profile);
        pair.awaitPrimary(FAILOVER_WAIT);
        lease = vm.requestLease(LEASE_WAIT);
    }

    @AfterAll
    void deleteEverything() throws IOException {
        if (vrouter != null) {
            vrouter.close();
            assertThat(ip.namespaces()).noneMatch(names::owns);
        }
        if (work != null) {
            NetnsVrouterTest.deleteTree(work);
        }
    }

    @Test
    @Order(1)
    void twoRoutersRunAndExactlyOneHoldsTheGateway() throws IOException {
        assertThat(pair.routers()).hasSize(2);

        assertThat(pair.holders()).hasSize(1);
        assertThat(pair.recordedStates().values()).containsExactlyInAnyOrder(RedundantState.PRIMARY, RedundantState.BACKUP);
        assertThat(pair.publicHolders()).as(pair.diagnostics()).containsExactlyElementsOf(pair.holders());
    }

    @Test
    @Order(2)
    void theManagementSideReadsOnePrimaryAndOneBackup() {
        List<DomainRouter> polled = vrouter.manager().refreshRedundantState(network.id());

        assertThat(polled).extracting(DomainRouter::redundantState).containsExactlyInAnyOrder(RedundantState.PRIMARY, RedundantState.BACKUP);
    }

    @Test
    @Order(3)
    void theVmLeasesResolvesAndLeavesThroughThePrimary() throws IOException {
        assertThat(lease.gateway()).contains(network.gateway());
        assertThat(lease.dnsServers()).containsExactly(network.gateway());
        assertThat(GuestProbes.digA(vm, network.gateway(), "vm-1")).containsExactly(network.ipOf(network.vm(0)).value());
        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm, TestCloud.PUBLIC_GATEWAY))
                .contains(network.sourceNatIp().address().value());
    }

    @Test
    @Order(4)
    void aGracefulStopMovesTheGatewayAndATcpConnectionThroughSourceNatLives() throws IOException {
        DomainRouter primary = pair.awaitPrimary(FAILOVER_WAIT);
        try (GuestProcess server = GuestProcess.start(vrouter.publicClient(), "nc", "-l", "-n", Integer.toString(STREAM_PORT));
                GuestProcess client = GuestProcess.start(vm, "sh", "-c", "i=0; while [ $i -lt 600 ]; do echo line-$i; i=$((i+1)); sleep 0.05; done"
                        + " | nc -n " + TestCloud.PUBLIC_GATEWAY + " " + STREAM_PORT)) {
            awaitLines(server, 5);

            pair.stopKeepalived(primary);
            DomainRouter next = pair.awaitPrimary(FAILOVER_WAIT, Optional.of(pair.peer(primary)));
            int before = lines(server);
            awaitLines(server, before + 10);

            assertThat(next.id()).isNotEqualTo(primary.id());
            assertThat(client.isAlive()).as("the client's connection is still open").isTrue();
            assertThat(server.isAlive()).as("the server still has its one connection").isTrue();
        }
        finally {
            pair.startKeepalived(primary);
        }
        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm, TestCloud.PUBLIC_GATEWAY))
                .contains(network.sourceNatIp().address().value());
    }

    @Test
    @Order(5)
    void aCrashedPrimaryLosesTheGatewayToItsPeer() throws IOException {
        DomainRouter primary = pair.awaitPrimary(FAILOVER_WAIT);

        pair.crash(primary);
        try {
            DomainRouter next = pair.awaitPrimary(FAILOVER_WAIT, Optional.of(pair.peer(primary)));

            assertThat(next.id()).isNotEqualTo(primary.id());
            assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm, TestCloud.PUBLIC_GATEWAY))
                    .contains(network.sourceNatIp().address().value());
            assertThat(GuestProbes.digA(vm, network.gateway(), "vm-1")).containsExactly(network.ipOf(network.vm(0)).value());
        }
        finally {
            pair.recover(primary);
        }
        assertThat(pair.awaitPrimary(FAILOVER_WAIT).id()).as("the recovered router stays BACKUP (nopreempt)").isEqualTo(pair.peer(primary).id());
    }

    @Test
    @Order(6)
    @Timeout(300)
    void aRollingRestartReplacesBothRoutersAndTheGatewayOnlyBlinks() throws IOException {
        DomainRouter primary = pair.awaitPrimary(FAILOVER_WAIT);
        List<String> steps;
        long started = System.nanoTime();
        String pings;
        try (GuestProcess ping = GuestProcess.start(vm, "busybox", "ping", "-i", "0.01", network.gateway().value())) {
            steps = vrouter.manager().restartInSequence(network.id(), Duration.ofSeconds(60));
            pair.awaitPrimary(FAILOVER_WAIT);
            pings = ping.output();
        }
        long outage = FailoverBenchmark.outage(pings, (System.nanoTime() - started) / 1e6);
        System.out.println("rolling restart: " + steps + "; longest gateway outage seen by the VM " + outage + " ms");

        assertThat(steps).hasSize(3);
        assertThat(pair.awaitPrimary(FAILOVER_WAIT).id()).as("the old BACKUP serves").isEqualTo(pair.peer(primary).id());
        assertThat(vrouter.manager().refreshRedundantState(network.id())).extracting(DomainRouter::redundantState)
                .containsExactlyInAnyOrder(RedundantState.PRIMARY, RedundantState.BACKUP);
        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm, TestCloud.PUBLIC_GATEWAY))
                .contains(network.sourceNatIp().address().value());
    }

    private static int lines(GuestProcess process) throws IOException {
        return (int) process.output().lines().filter(line -> line.startsWith("line-")).count();
    }

    private static void awaitLines(GuestProcess process, int count) throws IOException {
        long deadline = System.nanoTime() + FAILOVER_WAIT.toNanos();
        while (lines(process) < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the stream stopped at " + lines(process) + " lines; output: " + process.output());
            }
            RedundantPair.sleep(Duration.ofMillis(50));
        }
    }
}
