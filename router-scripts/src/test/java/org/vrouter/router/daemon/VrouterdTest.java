package org.vrouter.router.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * vrouterd in-process, spoken to through {@link DaemonClient}: what it answers, what it keeps, and that
 * it loses nothing.
 */
class VrouterdTest {
    private static final String DHCP_FILE = "vm_dhcp_entry.json.6d1f0a62";
    private static final String BATCH = "#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n"
            + "<file>\n/var/cache/cloud/vm_dhcp_entry.json.b1\n" + DaemonFixture.dhcp(7) + "\n</file>\n"
            + "<script>\n/opt/cloud/bin/update_config.py vm_dhcp_entry.json.b1\n</script>\n";

    @TempDir
    Path daemonRoot;

    @TempDir
    Path oneShotRoot;

    private final List<Vrouterd> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        daemons.forEach(Vrouterd::close);
    }

    private Vrouterd start(DaemonFixture fixture) throws IOException {
        Vrouterd daemon = fixture.startDaemon();
        daemons.add(daemon);
        return daemon;
    }

    /** What a case delivers before its request, and the request's arguments (after {@code VERB --}). */
    private static void prepare(String scenario, DaemonFixture fixture) throws IOException {
        switch (scenario) {
            case "success", "defer" -> fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);
            case "rejected" -> fixture.deliver(DHCP_FILE, DaemonFixture.DHCP.replace("02:00:4c:5f:00:01", "02:00:4c:5f:00"));
            case "redelivery" -> {
                fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);
                assertThat(fixture.oneShot().updateConfig(List.of(DHCP_FILE), false).exitCode()).isZero();
            }
            case "batch" -> fixture.deliver("VR-1.cfg", BATCH);
            case "batch-rejected" -> fixture.deliver("VR-2.cfg", "<script>\n/opt/cloud/bin/reboot.sh\n</script>\n");
            case "apply-failed" -> {
                fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);
                fixture.converger.fail("iptables-restore: line 3 failed");
            }
            case "unreadable-bag" -> {
                fixture.write(BagKey.DHCP_ENTRY.path(), "{\"id\": \"dhcpentry\",");
                fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);
            }
            default -> { }
        }
    }

    private static String request(String scenario) {
        return switch (scenario) {
            case "success", "rejected", "redelivery", "apply-failed", "unreadable-bag", "missing" -> "update-config -- " + DHCP_FILE;
            case "defer" -> "update-config --defer-config -- " + DHCP_FILE + " false";
            case "no-arguments" -> "update-config --";
            case "three-arguments" -> "update-config -- a.json false more";
            case "no-such-path" -> "update-config -- /nowhere/x.json";
            case "batch" -> "vr-cfg -- -c /var/cache/cloud/VR-1.cfg";
            case "batch-rejected" -> "vr-cfg -- -c VR-2.cfg";
            case "batch-without-c" -> "vr-cfg -- /var/cache/cloud/VR-1.cfg";
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    private static EntryOutcome oneShot(DaemonFixture fixture, DaemonRequest request) throws IOException {
        EntryPoints entryPoints = fixture.oneShot();
        if (request.verb() == DaemonRequest.Verb.UPDATE_CONFIG) {
            return entryPoints.updateConfig(request.args(), request.deferConfig());
        }
        if (request.args().size() != 2) {
            return EntryOutcome.usage("vrouter vr-cfg: " + EntryPoints.VR_CFG_USAGE);
        }
        return entryPoints.vrCfg(request.args().get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"success", "rejected", "redelivery", "batch", "batch-rejected", "apply-failed", "unreadable-bag", "defer",
            "missing", "no-arguments", "three-arguments", "no-such-path", "batch-without-c"})
    void answersExactlyAsTheOneShotRunAndLeavesTheSameFiles(String scenario) throws Exception {
        DaemonFixture daemon = new DaemonFixture(daemonRoot);
        DaemonFixture reference = new DaemonFixture(oneShotRoot);
        prepare(scenario, daemon);
        prepare(scenario, reference);
        start(daemon);

        EntryOutcome served = daemon.send(request(scenario));
        EntryOutcome expected = oneShot(reference, DaemonRequest.parse(request(scenario)));

        assertThat(served).isEqualTo(expected);
        assertThat(daemon.tree()).isEqualTo(reference.tree());
        assertThat(daemon.converger.requests()).hasSameSizeAs(reference.converger.requests());
    }

    @Test
    void theAnswersNameWhatHappened() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        prepare("rejected", fixture);
        start(fixture);

        assertThat(fixture.send(request("rejected"))).satisfies(outcome -> {
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stderr()).singleElement().asString().startsWith(DHCP_FILE + ": mac_address: ");
        });
        assertThat(fixture.send(request("no-such-path")))
                .isEqualTo(new EntryOutcome(64, List.of("vrouter update-config: /nowhere/x.json: no such file")));
        assertThat(fixture.send("ping")).isEqualTo(new EntryOutcome(0, List.of()));
    }

    @Test
    void aRunSettlesBeforeItRepliesUnlessTheDaemonSettlesLater() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        start(fixture);
        fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);

        assertThat(fixture.send("update-config -- " + DHCP_FILE).exitCode()).isZero();

        assertThat(fixture.converger.settles()).as("settled within the run").isEqualTo(1);
    }

    @Test
    void settlesARouterOnceIdleAndOnceMoreWhenItStops() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        Vrouterd daemon = Vrouterd.start(fixture.socket(), List.of(fixture.daemonEntryPoints(true)), Duration.ofSeconds(20), Metrics.NOOP);
        daemons.add(daemon);
        fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);

        assertThat(fixture.send("update-config -- " + DHCP_FILE).exitCode()).isZero();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fixture.converger.settles() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fixture.converger.settles()).as("settled after the reply, once idle").isEqualTo(1);
        fixture.deliver("vm_dhcp_entry.json.2", DaemonFixture.dhcp(2));
        assertThat(fixture.send("update-config -- vm_dhcp_entry.json.2").exitCode()).isZero();
        daemon.close();
        assertThat(fixture.converger.settles()).as("what the last request left is settled by the time it has stopped").isGreaterThanOrEqualTo(2);
    }

    @Test
    void keepsServingAfterMalformedRequests() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        fixture.deliver(DHCP_FILE, DaemonFixture.DHCP);
        start(fixture);

        assertThat(raw(fixture, "reboot now\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: unknown request 'reboot'");
        assertThat(raw(fixture, "update-config vm_dhcp_entry.json\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: unexpected 'vm_dhcp_entry.json' before --");
        assertThat(raw(fixture, "update-config --  x\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: words must be separated by single spaces");
        assertThat(raw(fixture, new byte[] {'p', 'i', 'n', (byte) 0xff, '\n'}, true)).startsWith("status 64\nvrouterd: malformed request: the request is not UTF-8");
        assertThat(raw(fixture, "x".repeat(DaemonRequest.MAX_LINE_BYTES + 10).getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: request longer than");
        assertThat(raw(fixture, "ping".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: the request ended without a line end");
        assertThat(raw(fixture, "update-config --root relative -- x\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: malformed request: --root must be an absolute directory");
        assertThat(raw(fixture, "update-config -- sub/x.json\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: sub/x.json: a relative path");
        assertThat(raw(fixture, "update-config --root /elsewhere -- x\n".getBytes(StandardCharsets.UTF_8), true))
                .startsWith("status 64\nvrouterd: no router with root /elsewhere here");
        raw(fixture, "update-con".getBytes(StandardCharsets.UTF_8), false);

        assertThat(fixture.send("update-config -- " + DHCP_FILE)).isEqualTo(new EntryOutcome(0, List.of()));
        assertThat(fixture.bags().dhcpEntry().get(IpAddress.parse("10.1.1.23"))).isPresent();
    }

    /** Sends bytes as they are; closes the sending side when asked (else hangs up without reading). */
    private static String raw(DaemonFixture fixture, byte[] bytes, boolean readReply) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(fixture.socket()));
            channel.write(ByteBuffer.wrap(bytes));
            if (!readReply) {
                return "";
            }
            channel.shutdownOutput();
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seesABagWrittenBehindItsBack() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        start(fixture);
        fixture.deliver("vm_dhcp_entry.json.1", DaemonFixture.dhcp(1));
        assertThat(fixture.send("update-config -- vm_dhcp_entry.json.1").exitCode()).isZero();

        // a one-shot run between two requests (its lock keeps it from interleaving), then a hand edit
        fixture.deliver("vm_dhcp_entry.json.2", DaemonFixture.dhcp(2));
        assertThat(fixture.oneShot().updateConfig(List.of("vm_dhcp_entry.json.2"), false).exitCode()).isZero();
        String edited = Files.readString(daemonRoot.resolve("etc/cloudstack/dhcpentry.json")).replace("\"vm-2\"", "\"vm-22\"");
        fixture.write(BagKey.DHCP_ENTRY.path(), edited);
        fixture.deliver("vm_dhcp_entry.json.3", DaemonFixture.dhcp(3));
        assertThat(fixture.send("update-config -- vm_dhcp_entry.json.3").exitCode()).isZero();

        assertThat(fixture.bags().dhcpEntry().entries()).containsOnlyKeys(IpAddress.parse("10.1.1.1"), IpAddress.parse("10.1.1.2"),
                IpAddress.parse("10.1.1.3"));
        assertThat(fixture.bags().dhcpEntry().get(IpAddress.parse("10.1.1.2")).orElseThrow().hostName()).isEqualTo("vm-22");
        assertThat(fixture.converger.requests().get(2).databags()).isEqualTo(fixture.bags());
    }

    @Test
    void aKilledDaemonLosesNothingAndItsSocketIsTakenOver() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        Vrouterd daemon = start(fixture);
        for (int n = 1; n <= 5; n++) {
            fixture.deliver("vm_dhcp_entry.json." + n, DaemonFixture.dhcp(n));
            assertThat(fixture.send("update-config -- vm_dhcp_entry.json." + n).exitCode()).isZero();
        }

        // as kill -9 leaves it: nothing cleaned up, the socket file still there, nobody accepting
        daemon.abandon();
        assertThat(fixture.socket()).exists();
        assertThat(DaemonClient.send(fixture.socket(), DaemonRequest.parse("ping"))).isEmpty();

        fixture.deliver("vm_dhcp_entry.json.6", DaemonFixture.dhcp(6));
        assertThat(fixture.oneShot().updateConfig(List.of("vm_dhcp_entry.json.6"), false).exitCode()).isZero();
        assertThat(fixture.bags().dhcpEntry().entries()).hasSize(6);

        start(new DaemonFixture(daemonRoot));
        assertThat(fixture.send("ping").exitCode()).isZero();
    }

    @Test
    void refusesToStartWhereAnotherDaemonServes() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        start(fixture);

        assertThatThrownBy(fixture::startDaemon).isInstanceOf(IOException.class).hasMessageContaining("another vrouterd already serves");
        assertThat(fixture.send("ping").exitCode()).isZero();
    }

    @Test
    void listensOnASocketOnlyItsOwnerMayUseAndRemovesItOnClose() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        Vrouterd daemon = start(fixture);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fixture.socket()))).isEqualTo("rw-------");
        daemon.close();
        daemon.awaitClosed();

        assertThat(fixture.socket()).doesNotExist();
        assertThat(DaemonClient.send(fixture.socket(), DaemonRequest.parse("ping"))).isEmpty();
    }

    @Test
    void runsConcurrentRequestsOneAtATime() throws Exception {
        DaemonFixture fixture = new DaemonFixture(daemonRoot);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Converger slow = request -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return ConvergeResult.of(List.of());
        };
        PayloadCodec codec = new PayloadCodec();
        EntryPoints entryPoints = new EntryPoints(fixture.host, slow, codec, DatabagStore.caching(fixture.host, codec, java.time.Clock.systemUTC()),
                PipelineOptions.defaults());
        daemons.add(Vrouterd.start(fixture.socket(), List.of(entryPoints), Duration.ofSeconds(20), Metrics.NOOP));
        int clients = 8;
        for (int n = 1; n <= clients; n++) {
            fixture.deliver("vm_dhcp_entry.json." + n, DaemonFixture.dhcp(n));
        }

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<EntryOutcome>> replies = new ArrayList<>();
            for (int n = 1; n <= clients; n++) {
                String line = "update-config -- vm_dhcp_entry.json." + n;
                replies.add(pool.submit(() -> fixture.send(line)));
            }
            for (Future<EntryOutcome> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS).exitCode()).isZero();
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(fixture.bags().dhcpEntry().entries()).hasSize(clients);
    }
}
