package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.metadata.MetadataServerService;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.service.DirectServiceManager;

/**
 * A redundant VPC pair at the router pipeline's level: two namespace routers whose tier interfaces are
 * joined by veth pairs (tier 1 on {@code eth2}, tier 2 on {@code eth3}), each getting CloudStack's files
 * through {@code update_config}. The first tier makes them redundant (keepalived and conntrackd start,
 * one becomes PRIMARY); then the second tier arrives at one router and, later, at the other, as a
 * management server delivers it. Sampled every 20 ms meanwhile: the tier-1 gateway never moves, is never
 * held twice nor missing, keepalived never re-elects; the new tier's gateway ends up on the PRIMARY
 * only. The measured figures go to the test's output (docs/redundancy.md quotes them).
 */
@Tag("root")
class RedundantVpcTierNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TIER1_GATEWAY = "172.16.1.1";
    private static final String TIER2_GATEWAY = "172.16.2.1";

    @TempDir
    Path work;

    private final List<Member> members = new ArrayList<>();

    /** One router: its namespace, root and daemons. */
    private record Member(String name, TestNamespace namespace, Path root, NamespaceHost host, DirectServiceManager services) {
        PipelineResult update(String file, String json) throws IOException {
            Path cache = root.resolve("var/cache/cloud");
            Files.createDirectories(cache);
            Files.writeString(cache.resolve(file), json, StandardCharsets.UTF_8);
            return new UpdateConfig(host, RouterConvergers.standard(host, services, Clock.systemUTC()), new PayloadCodec(),
                    PipelineOptions.defaults()).run(List.of(file));
        }

        boolean holds(String device, String address) throws IOException {
            return host.run(ProgramCall.of("ip", "-4", "-o", "address", "show", "dev", device)).stdout().contains(" " + address + "/");
        }

        long elections() throws IOException {
            return host.readText("/var/log/vrouter/keepalived.log").orElse("").lines().filter(line -> line.contains("Entering MASTER STATE"))
                    .count();
        }
    }

    @BeforeEach
    void createThePair() throws IOException {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (int i = 0; i < 2; i++) {
            TestNamespace namespace = TestNamespace.create("keepalived", "conntrackd", "iptables-restore", "dnsmasq", "start-stop-daemon");
            Path root = Files.createDirectories(work.resolve("r" + i));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            NamespaceHost host = namespace.host(root);
            members.add(new Member("r-" + (20 + i) + "-VM", namespace, root, host, new DirectServiceManager(host)));
            namespace.run("ip", "link", "set", "lo", "up");
            namespace.run("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "host0");
            namespace.run("ip", "link", "set", "host0", "up");
        }
        for (String device : List.of("eth2", "eth3")) {
            Member a = members.get(0);
            Member b = members.get(1);
            a.namespace().run("ip", "link", "add", device, "address", mac(0, device), "type", "veth", "peer", "name", device + "b", "address",
                    mac(1, device));
            a.namespace().run("ip", "link", "set", device + "b", "netns", b.namespace().name());
            b.namespace().run("ip", "link", "set", device + "b", "name", device);
        }
    }

    private static String mac(int member, String device) {
        return "02:00:56:36:0" + member + ":0" + device.charAt(3);
    }

    @AfterEach
    void deleteThePair() throws IOException {
        for (Member member : members) {
            try {
                for (var daemon : List.of(RedundancyDaemons.keepalived(member.host()), RedundancyDaemons.conntrackd(member.host()),
                        DnsmasqApplier.daemon(member.host()), MetadataServerService.daemon(member.host()))) {
                    member.services().stop(daemon);
                }
            }
            finally {
                member.namespace().close();
            }
        }
    }

    private static String cmdLine(int member) {
        return "{\"type\":\"cmdline\",\"cmd_line\":{\"vpccidr\":\"172.16.0.0/16\",\"domain\":\"vpc1.internal\",\"dns1\":\"8.8.8.8\","
                + "\"template\":\"domP\",\"name\":\"r-" + (20 + member) + "-VM\",\"eth0ip\":\"169.254.1." + (9 + member) + "\","
                + "\"eth0mask\":\"255.255.0.0\",\"type\":\"vpcrouter\",\"redundant_router\":\"1\",\"advert_int\":\"1\",\"router_id\":\"7\","
                + "\"redundant_state\":\"" + (member == 0 ? "PRIMARY" : "BACKUP") + "\"}}";
    }

    private static String tier(int member, String device, String network, String gateway) {
        return "{\"add\":true,\"mac_address\":\"" + mac(member, device) + "\",\"device\":\"" + device + "\",\"router_guest_ip\":\""
                + network + (2 + member) + "\",\"router_guest_gateway\":\"" + gateway + "\",\"router_guest_netmask\":\"255.255.255.0\","
                + "\"cidr\":\"24\",\"dns\":\"8.8.8.8\",\"domain_name\":\"vpc1.internal\",\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}";
    }

    /** What the sampler saw of the tier-1 gateway. */
    private static final class Watch {
        int samples;
        int twoHolders;
        int noHolder;
        int holderChanges;
        int lastHolder = -1;
        final List<String> errors = new ArrayList<>();

        synchronized void record(boolean first, boolean second) {
            samples++;
            if (first && second) {
                twoHolders++;
            }
            else if (!first && !second) {
                noHolder++;
            }
            else {
                int holder = first ? 0 : 1;
                if (lastHolder >= 0 && holder != lastHolder) {
                    holderChanges++;
                }
                lastHolder = holder;
            }
        }
    }

    @Test
    void addingATierToARedundantVpcPairStartsNoElectionAndMovesNoGateway() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(members.get(i).update("cmd_line.json", cmdLine(i)).exitCode()).isZero();
            PipelineResult first = members.get(i).update("guest_network.json.1", tier(i, "eth2", "172.16.1.", TIER1_GATEWAY));
            assertThat(first.exitCode()).as(first.toString()).isZero();
        }
        int primary = awaitPrimary();
        long electionsBefore = members.get(0).elections() + members.get(1).elections();
        Watch watch = new Watch();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long[] deliveredMillis = new long[2];
        long tier2HeldAfterMillis = -1;
        try {
            sampler.scheduleAtFixedRate(() -> {
                try {
                    watch.record(members.get(0).holds("eth2", TIER1_GATEWAY), members.get(1).holds("eth2", TIER1_GATEWAY));
                }
                catch (IOException | RuntimeException e) {
                    synchronized (watch) {
                        watch.errors.add(e.toString());
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            // the management server updates the routers one after the other, the BACKUP first here
            for (int i : new int[] {1 - primary, primary}) {
                PipelineResult added = members.get(i).update("guest_network.json.2", tier(i, "eth3", "172.16.2.", TIER2_GATEWAY));
                assertThat(added.exitCode()).as(added.toString()).isZero();
                deliveredMillis[i] = (System.nanoTime() - start) / 1_000_000;
                if (i == primary) {
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (!members.get(primary).holds("eth3", TIER2_GATEWAY) && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    tier2HeldAfterMillis = (System.nanoTime() - start) / 1_000_000;
                }
                Thread.sleep(3000);
            }
        }
        finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        long electionsAfter = members.get(0).elections() + members.get(1).elections();
        System.out.printf("vpc tier added: %d samples of the tier-1 gateway, %d with two holders, %d with none, %d moves; "
                + "elections %d; tier 2 delivered to the BACKUP at %d ms, to the PRIMARY at %d ms, its gateway held at %d ms%n",
                watch.samples, watch.twoHolders, watch.noHolder, watch.holderChanges, electionsAfter - electionsBefore,
                deliveredMillis[1 - primary], deliveredMillis[primary], tier2HeldAfterMillis);

        assertThat(watch.errors).isEmpty();
        assertThat(watch.samples).isGreaterThan(100);
        assertThat(watch.twoHolders).as("samples with two tier-1 gateways").isZero();
        assertThat(watch.noHolder).as("samples without the tier-1 gateway").isZero();
        assertThat(watch.holderChanges).as("moves of the tier-1 gateway").isZero();
        assertThat(electionsAfter).as("keepalived entered MASTER again").isEqualTo(electionsBefore);
        assertThat(members.get(primary).holds("eth3", TIER2_GATEWAY)).isTrue();
        assertThat(members.get(1 - primary).holds("eth3", TIER2_GATEWAY)).as("the BACKUP holds no gateway").isFalse();
    }

    /** The index of the member holding the tier-1 gateway with PRIMARY recorded. */
    private int awaitPrimary() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 2; i++) {
                if (members.get(i).holds("eth2", TIER1_GATEWAY) && !members.get(1 - i).holds("eth2", TIER1_GATEWAY)
                        && members.get(i).host().readText(RedundancyPaths.STATE).orElse("").startsWith("PRIMARY")) {
                    return i;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no single PRIMARY: " + members.get(0).host().readText(RedundancyPaths.STATE) + " / "
                + members.get(1).host().readText(RedundancyPaths.STATE));
    }
}
