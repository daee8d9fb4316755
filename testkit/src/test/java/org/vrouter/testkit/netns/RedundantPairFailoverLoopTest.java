package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Fifty forced failovers of a real pair (the PRIMARY's keepalived stopped, the peer takes over, the
 * stopped one starts again as BACKUP), with both routers sampled every 50 ms from another thread: never
 * two holders of the gateway at once, never two public links up at once (they share MAC and address),
 * and never no gateway for longer than VRRP's detection bound at
 * {@code advert_int} 1 s (3 x 1 s + skew 0.61 s), with one second of slack for a loaded machine.
 */
@Tag("root")
@Timeout(900)
class RedundantPairFailoverLoopTest {
    private static final int FAILOVERS = 50;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long SAMPLE_MILLIS = 50;
    private static final long DETECTION_BOUND_MILLIS = 3000 + 610 + 1000;

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

    /** What the sampler saw: samples, samples with two holders, the longest stretch with none. */
    private static final class Watch {
        private int samples;
        private int dualPrimary;
        private int dualPublic;
        private long noneSince = -1;
        private long longestNoneMillis;
        private final List<String> errors = new ArrayList<>();

        synchronized void record(int holders, int publicHolders) {
            long now = System.nanoTime();
            samples++;
            if (publicHolders > 1) {
                dualPublic++;
            }
            if (holders > 1) {
                dualPrimary++;
            }
            if (holders == 0) {
                if (noneSince < 0) {
                    noneSince = now;
                }
                longestNoneMillis = Math.max(longestNoneMillis, (now - noneSince) / 1_000_000);
            }
            else {
                noneSince = -1;
            }
        }

        synchronized void failed(String error) {
            errors.add(error);
        }
    }

    @Test
    void fiftyForcedFailoversNeverShowTwoPrimariesNorAGapBeyondTheDetectionBound() throws Exception {
        RootTools.requireRootAndTools();
        RootTools.requireRedundancyTools();
        work = Files.createTempDirectory("vrouter-rvr-loop-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("vl");
        vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        TestNetwork network = vrouter.cloud().redundantNetwork();
        vrouter.element().implement(network.network(), network.network().offering(), vrouter.cloud().destination());
        RedundantPair pair = new RedundantPair(vrouter, network);
        pair.awaitPrimary(WAIT);

        Watch watch = new Watch();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        int failovers = 0;
        try {
            sampler.scheduleAtFixedRate(() -> {
                try {
                    watch.record(pair.holders().size(), pair.publicHolders().size());
                }
                catch (IOException | RuntimeException e) {
                    watch.failed(e.toString());
                }
            }, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            for (int i = 0; i < FAILOVERS; i++) {
                DomainRouter primary = pair.awaitPrimary(WAIT);
                pair.stopKeepalived(primary);
                pair.awaitPrimary(WAIT, Optional.of(pair.peer(primary)));
                pair.startKeepalived(primary);
                failovers++;
            }
        }
        finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }

        System.out.printf("%d failovers: %d samples, %d with two gateway holders, %d with two public links up, longest without a gateway %d ms%n",
                failovers, watch.samples, watch.dualPrimary, watch.dualPublic, watch.longestNoneMillis);
        assertThat(failovers).isEqualTo(FAILOVERS);
        assertThat(watch.errors).isEmpty();
        assertThat(watch.samples).as("samples every %d ms", SAMPLE_MILLIS).isGreaterThan(FAILOVERS * 10);
        assertThat(watch.dualPrimary).as("samples with two routers holding the gateway").isZero();
        assertThat(watch.dualPublic).as("samples with two public links up").isZero();
        assertThat(watch.longestNoneMillis).as("longest stretch without a gateway, ms").isLessThan(DETECTION_BOUND_MILLIS);
    }
}
