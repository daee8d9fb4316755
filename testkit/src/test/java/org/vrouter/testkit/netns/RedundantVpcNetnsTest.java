package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.element.VpcVirtualRouterElement;
import org.vrouter.hypervisor.netns.NetnsRouter;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.redundancy.RedundancyDaemons;
import org.vrouter.router.redundancy.RedundancyTransition;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestVpc;

/**
 * A redundant VPC for real, through the VPC element and the router manager onto two namespace routers
 * whose tier and public NICs share the hypervisor's bridges. vrouter deploys a VPC's routers with its
 * first tier, so the tier-less pair is reached by taking tier 1 off the running routers: both run,
 * neither runs keepalived. Tier 1 hot-plugged makes them a pair: one holds the gateway, the management
 * side reads PRIMARY and BACKUP, a VM leases, resolves and leaves through source NAT. Tier 2 plugged
 * into both while that VM pings its gateway every 10 ms: no election, the longest gap printed, the new
 * gateway on the PRIMARY only, a tier-2 VM reaches the tier-1 VM through the ACL. Then a rolling
 * restart of the VPC's pair, its gap printed. Everything is deleted in {@link #deleteEverything()}.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class RedundantVpcNetnsTest {
    private static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Tier 1 on eth2, tier 2 on eth3: control eth0 and public eth1 come first on a VPC router. */
    private static final String TIER1_DEVICE = "eth2";
    private static final String TIER2_DEVICE = "eth3";
    private static final String PUBLIC_DEVICE = "eth1";
    private static final int EGRESS_PORT = 9000;
    private static final int WEB_PORT = 8080;
    /** How long the tier-1 VM keeps pinging after tier 2 is in, so a late election would show. */
    private static final Duration SETTLE = Duration.ofSeconds(4);

    private final IpTool ip = IpTool.system();
    private Path work;
    private NetnsNames names;
    private NetnsVrouter vrouter;
    private TestVpc vpc;
    private VpcVirtualRouterElement element;
    private Network tier1;
    private GuestVm vm1;
    private DhcpLease lease1;
    private DomainRouter primary;

    @BeforeAll
    void deployTheVpcAndTakeItsTierOff() throws IOException {
        RootTools.requireRootAndTools();
        RootTools.requireRedundancyTools();
        work = Files.createTempDirectory("vrouter-rvpc-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("rv");
        TestCloud cloud = TestCloud.advanced(HypervisorType.NETNS);
        vpc = new TestVpc(cloud, 7, 20, true);
        vrouter = NetnsVrouter.start(cloud, vpc, work.resolve("routers"), names);
        element = vrouter.managementSide().vpcElement();
        tier1 = vpc.addTier();
        vpc.acl(tier1, List.of(acl(10, NetworkAclItem.Action.ALLOW, Direction.INGRESS, WEB_PORT),
                acl(20, NetworkAclItem.Action.ALLOW, Direction.EGRESS, EGRESS_PORT)));
        vpc.addVm(tier1, "vm-1");
        element.implement(tier1, tier1.offering(), cloud.destination());
        element.shutdown(tier1, false);
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
    void withoutATierBothRoutersRunAndNeitherRunsKeepalived() throws IOException {
        List<DomainRouter> routers = routers();

        assertThat(routers).hasSize(2).allSatisfy(router -> assertThat(router.isRunning()).isTrue())
                .allSatisfy(router -> assertThat(router.redundant()).isTrue());
        for (DomainRouter router : routers) {
            NetnsRouter netns = vrouter.netns(router);
            assertThat(netns.services().isRunning(RedundancyDaemons.keepalived(netns.host()))).as(router.instanceName()).isFalse();
            assertThat(holds(router, TIER1_DEVICE, gateway(tier1))).isFalse();
        }
    }

    @Test
    @Order(2)
    void theFirstTierMakesThemAPairAndItsVmLeasesResolvesAndLeavesThroughThePrimary() throws IOException {
        element.implement(tier1, tier1.offering(), vrouter.cloud().destination());
        VirtualMachineProfile profile = vpc.vms(tier1).get(0);
        element.prepare(tier1, profile.nicIn(tier1.id()).orElseThrow(), profile, vrouter.cloud().destination());
        primary = awaitPrimary(tier1);
        vm1 = vrouter.guest(tier1, profile);
        lease1 = vm1.requestLease(LEASE_WAIT);

        assertThat(holders(TIER1_DEVICE, gateway(tier1))).extracting(DomainRouter::id).containsExactly(primary.id());
        assertThat(vrouter.manager().refreshRedundantState(tier1.id())).extracting(DomainRouter::id, DomainRouter::redundantState)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(primary.id(), RedundantState.PRIMARY),
                        org.assertj.core.groups.Tuple.tuple(peer(primary).id(), RedundantState.BACKUP));
        assertThat(lease1.gateway()).contains(gateway(tier1));
        assertThat(lease1.dnsServers()).containsExactly(gateway(tier1));
        assertThat(GuestProbes.digA(vm1, gateway(tier1), "vm-1")).containsExactly(addressOf(profile, tier1).value());
        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm1, TestCloud.PUBLIC_GATEWAY))
                .contains(vpc.sourceNat().address().value());
    }

    @Test
    @Order(3)
    @Timeout(120)
    void aSecondTierStartsNoElectionAndReachesTheFirstThroughTheAcl() throws IOException {
        long electionsBefore = elections();
        Network tier2 = vpc.addTier();
        VirtualMachineProfile profile2 = vpc.addVm(tier2, "vm-2");
        long started = System.nanoTime();
        String pings;
        try (GuestProcess ping = GuestProcess.start(vm1, "busybox", "ping", "-i", "0.01", gateway(tier1).value())) {
            element.implement(tier2, tier2.offering(), vrouter.cloud().destination());
            RedundantPair.sleep(SETTLE);
            pings = ping.output();
        }
        long gap = FailoverBenchmark.outage(pings, (System.nanoTime() - started) / 1e6);
        long elections = elections() - electionsBefore;
        System.out.println("redundant VPC, tier 2 added: longest gap in the tier-1 VM's pings to its gateway " + gap + " ms; keepalived MASTER transitions "
                + elections);

        assertThat(elections).as("keepalived MASTER transitions while tier 2 was added").isZero();
        for (DomainRouter router : routers()) {
            assertThat(vrouter.netns(router).nics()).as(router.instanceName()).anySatisfy(nic -> assertThat(nic.deviceId()).isEqualTo(3));
        }
        assertThat(awaitPrimary(tier1).id()).as("the PRIMARY stays").isEqualTo(primary.id());
        assertThat(holders(TIER2_DEVICE, gateway(tier2))).extracting(DomainRouter::id).containsExactly(primary.id());

        element.prepare(tier2, profile2.nicIn(tier2.id()).orElseThrow(), profile2, vrouter.cloud().destination());
        GuestVm vm2 = vrouter.guest(tier2, profile2);
        assertThat(vm2.requestLease(LEASE_WAIT).gateway()).contains(gateway(tier2));
        try (GuestProcess web = GuestProbes.httpResponder(vm1, WEB_PORT, "tier-1")) {
            assertThat(web.isAlive()).isTrue();
            assertThat(GuestProbes.httpGet(vm2, addressOf(vpc.vms(tier1).get(0), tier1), WEB_PORT)).contains("tier-1");
        }
    }

    @Test
    @Order(4)
    @Timeout(300)
    void aRollingRestartOfTheVpcPairOnlyBlinksTheGateway() throws IOException {
        DomainRouter before = awaitPrimary(tier1);
        List<String> steps;
        long started = System.nanoTime();
        String pings;
        try (GuestProcess ping = GuestProcess.start(vm1, "busybox", "ping", "-i", "0.01", gateway(tier1).value())) {
            try {
                steps = vrouter.manager().restartVpcInSequence(vpc.vpc().id(), Duration.ofSeconds(60));
            }
            catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
            }
            awaitPrimary(tier1);
            pings = ping.output();
        }
        long gap = FailoverBenchmark.outage(pings, (System.nanoTime() - started) / 1e6);
        System.out.println("redundant VPC rolling restart: " + steps + "; longest gap in the tier-1 VM's pings to its gateway " + gap + " ms");

        assertThat(steps).hasSize(3);
        DomainRouter after = awaitPrimary(tier1);
        assertThat(after.id()).as("the old BACKUP serves").isEqualTo(peer(before).id());
        Network tier2 = vpc.tiers().get(1);
        assertThat(holders(TIER2_DEVICE, gateway(tier2))).extracting(DomainRouter::id).containsExactly(after.id());
        assertThat(vrouter.manager().refreshRedundantState(tier1.id())).extracting(DomainRouter::redundantState)
                .containsExactlyInAnyOrder(RedundantState.PRIMARY, RedundantState.BACKUP);
        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, vm1, TestCloud.PUBLIC_GATEWAY))
                .contains(vpc.sourceNat().address().value());
    }

    private List<DomainRouter> routers() {
        return vrouter.manager().vpcRouters(vpc.vpc().id());
    }

    private DomainRouter peer(DomainRouter router) {
        return routers().stream().filter(other -> other.id() != router.id()).findFirst().orElseThrow();
    }

    private boolean holds(DomainRouter router, String device, IpAddress address) throws IOException {
        return ip.attemptIn(vrouter.netns(router).namespace(), "-4", "-o", "address", "show", "dev", device, "up").stdout().lines()
                .anyMatch(line -> line.contains(" " + address + "/"));
    }

    private List<DomainRouter> holders(String device, IpAddress address) throws IOException {
        List<DomainRouter> holders = new ArrayList<>();
        for (DomainRouter router : routers()) {
            if (holds(router, device, address)) {
                holders.add(router);
            }
        }
        return holders;
    }

    /** Waits until one router holds the tier's gateway with PRIMARY recorded and its public link up, and returns it. */
    private DomainRouter awaitPrimary(Network tier) throws IOException {
        long deadline = System.nanoTime() + FAILOVER_WAIT.toNanos();
        while (true) {
            List<DomainRouter> holders = holders(TIER1_DEVICE, gateway(tier));
            if (holders.size() == 1 && RedundancyTransition.recorded(vrouter.netns(holders.get(0)).host()) == RedundantState.PRIMARY
                    && ip.attemptIn(vrouter.netns(holders.get(0)).namespace(), "-o", "link", "show", "dev", PUBLIC_DEVICE, "up").stdout()
                            .contains(PUBLIC_DEVICE)) {
                return holders.get(0);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no single PRIMARY of " + tier.name() + " after " + FAILOVER_WAIT + ": holders "
                        + holders.stream().map(DomainRouter::instanceName).toList() + "\n" + diagnostics());
            }
            RedundantPair.sleep(POLL);
        }
    }

    /** How many times the keepalived of either router entered MASTER so far. */
    private long elections() throws IOException {
        long count = 0;
        for (DomainRouter router : routers()) {
            count += vrouter.netns(router).host().readText("/var/log/vrouter/keepalived.log").orElse("").lines()
                    .filter(line -> line.contains("Entering MASTER STATE")).count();
        }
        return count;
    }

    private String diagnostics() throws IOException {
        StringBuilder text = new StringBuilder();
        for (DomainRouter router : routers()) {
            for (String log : List.of("/var/log/vrouter/keepalived.log", "/var/log/vrouter/redundancy-state.log")) {
                List<String> lines = vrouter.netns(router).host().readText(log).orElse("").lines().filter(line -> !line.startsWith("SLF4J")).toList();
                text.append("--- ").append(router.instanceName()).append(' ').append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 12), lines.size()).forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    private static IpAddress gateway(Network tier) {
        return tier.gateway().orElseThrow();
    }

    private static IpAddress addressOf(VirtualMachineProfile vm, Network tier) {
        return vm.nicIn(tier.id()).orElseThrow().ipAddress().orElseThrow();
    }

    private static NetworkAclItem acl(int number, NetworkAclItem.Action action, Direction direction, int port) {
        return NetworkAclItem.of(number, number, action, direction, Protocol.TCP).withPorts(PortRange.of(port, port));
    }
}
