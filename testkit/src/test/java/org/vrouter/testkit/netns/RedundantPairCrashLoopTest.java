package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * Crash failovers of a real pair in a loop at {@code advert_int 0.2}, as {@code vrouter bench failover}
 * makes them: the PRIMARY crashed (links down, SIGKILL to keepalived and conntrackd), the peer takes over,
 * the crashed router restarted by the management side (a fresh namespace, its boot arguments converged)
 * and given {@code advert_int 0.2} again; it must come back BACKUP. Both routers are sampled every 50 ms
 * from another thread: never two holders of the gateway, never two public links up.
 *
 * <p>The crash path is where a restarted router and its peer once both held the gateway; the number of
 * crashes is {@code -Dvrouter.crashloop.cycles} (default {@value #DEFAULT_CYCLES}). On a sample with two
 * holders, the routers' addresses, firewall counters and logs are printed.
 */
@Tag("root")
@Timeout(1800)
class RedundantPairCrashLoopTest {
    private static final int DEFAULT_CYCLES = 10;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long SAMPLE_MILLIS = 50;

    private final IpTool ip = IpTool.system();
    private Path work;
    private NetnsNames names;
    private NetnsVrouter vrouter;

    @AfterEach
    void deleteEverything() throws IOException {
        if (vrouter != null) {
            vrouter.close();
            assertThat(ip.namespaces()).noneMatch(names::owns);
        }
        if (work != null) {
            NetnsVrouterTest.deleteTree(work);
        }
    }

    /** What the sampler saw. */
    private static final class Watch {
        private int samples;
        private int dualPrimary;
        private int dualPublic;
        private final List<String> evidence = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        synchronized boolean record(int holders, int publicHolders) {
            samples++;
            if (publicHolders > 1) {
                dualPublic++;
            }
            if (holders > 1) {
                dualPrimary++;
                return true;
            }
            return false;
        }

        synchronized void evidence(String text) {
            if (evidence.size() < 3) {
                evidence.add(text);
            }
        }

        synchronized void failed(String error) {
            errors.add(error);
        }
    }

    @Test
    void crashFailoversInALoopNeverShowTwoPrimaries() throws Exception {
        RootTools.requireRootAndTools();
        RootTools.requireRedundancyTools();
        int cycles = Integer.getInteger("vrouter.crashloop.cycles", DEFAULT_CYCLES);
        String advertInt = System.getProperty("vrouter.crashloop.advert_int", "0.2");
        boolean graceful = Boolean.getBoolean("vrouter.crashloop.graceful");
        work = Files.createTempDirectory("vrouter-rvr-crash-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("vc");
        vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        TestNetwork network = vrouter.cloud().redundantNetwork();
        vrouter.element().implement(network.network(), network.network().offering(), vrouter.cloud().destination());
        RedundantPair pair = new RedundantPair(vrouter, network);
        pair.awaitPrimary(WAIT);
        if (!advertInt.equals("1")) {
            pair.advertInterval(advertInt);
        }
        System.out.printf("crash loop: hypervisor namespace %s, routers %s%n", names.hypervisorNamespace(),
                pair.routers().stream().map(router -> router.instanceName() + "=" + pair.netns(router).namespace()).toList());

        Watch watch = new Watch();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        int crashes = 0;
        try {
            sampler.scheduleAtFixedRate(() -> {
                try {
                    if (watch.record(pair.holders().size(), pair.publicHolders().size())) {
                        watch.evidence(evidence(pair));
                    }
                }
                catch (IOException | RuntimeException e) {
                    watch.failed(e.toString());
                }
            }, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            for (int i = 0; i < cycles; i++) {
                if (graceful) {
                    DomainRouter stopped = pair.awaitPrimary(WAIT);
                    pair.stopKeepalived(stopped);
                    pair.awaitPrimary(WAIT, Optional.of(pair.peer(stopped)));
                    pair.startKeepalived(stopped);
                    log("cycle %d: graceful failover from %s", i, stopped.instanceName());
                }
                DomainRouter primary = pair.awaitPrimary(WAIT);
                log("cycle %d: crash %s", i, primary.instanceName());
                pair.crash(primary);
                pair.awaitPrimary(WAIT, Optional.of(pair.peer(primary)));
                log("cycle %d: %s PRIMARY; restarting %s", i, pair.peer(primary).instanceName(), primary.instanceName());
                pair.recover(primary);
                log("cycle %d: %s restarted", i, primary.instanceName());
                if (!advertInt.equals("1")) {
                    pair.advertInterval(advertInt);
                    log("cycle %d: advert_int %s again", i, advertInt);
                }
                pair.awaitPrimary(WAIT, Optional.of(pair.peer(primary)));
                crashes++;
            }
        }
        finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            watch.evidence.forEach(System.out::println);
        }

        System.out.printf("%d crash failovers at advert_int %s: %d samples, %d with two gateway holders, %d with two public links up%n",
                crashes, advertInt, watch.samples, watch.dualPrimary, watch.dualPublic);
        assertThat(crashes).isEqualTo(cycles);
        assertThat(watch.errors).isEmpty();
        assertThat(watch.samples).as("samples every %d ms", SAMPLE_MILLIS).isGreaterThan(cycles * 10);
        assertThat(watch.dualPrimary).as("samples with two routers holding the gateway").isZero();
        assertThat(watch.dualPublic).as("samples with two public links up").isZero();
    }

    private static void log(String format, Object... args) {
        System.out.printf("%.3f %s%n", System.currentTimeMillis() / 1000.0, String.format(format, args));
    }

    /** Addresses, VRRP firewall counters and logs of both routers, at a sample with two holders. */
    private String evidence(RedundantPair pair) throws IOException {
        IpTool tool = IpTool.system();
        StringBuilder text = new StringBuilder(String.format("=== two gateway holders at %.3f%n", System.currentTimeMillis() / 1000.0));
        for (DomainRouter router : pair.routers()) {
            String namespace = pair.netns(router).namespace();
            text.append("--- ").append(router.instanceName()).append(" addresses\n")
                    .append(tool.attemptIn(namespace, "-o", "address", "show").stdout());
            ProgramRun rules = ProgramRun.of("ip", "netns", "exec", namespace, "iptables", "-n", "-v", "-L", "INPUT");
            text.append("--- ").append(router.instanceName()).append(" INPUT\n").append(rules.output());
            for (String log : List.of("/var/log/vrouter/keepalived.log", "/var/log/vrouter/redundancy-state.log")) {
                List<String> lines = pair.netns(router).host().readText(log).orElse("").lines().filter(line -> !line.startsWith("SLF4J")).toList();
                text.append("--- ").append(router.instanceName()).append(' ').append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    /** A program's merged output, for evidence only. */
    private record ProgramRun(String output) {
        static ProgramRun of(String... argv) throws IOException {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(10, TimeUnit.SECONDS);
                return new ProgramRun(output);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
    }
}
