package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.daemon.DaemonClient;
import org.vrouter.router.daemon.DaemonRequest;
import org.vrouter.router.daemon.DaemonRouter;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * A VRRP transition's last step, the services that follow the VRRP state, and the transition as the daemon's
 * {@code redundancy-state} request, which answers what the one-shot command line would: on a dry run of a
 * redundant member, whose {@code ip} answers nothing (so the gateway is never held: every transition
 * observes BACKUP or FAULT).
 */
class RedundancyTransitionTest {
    @TempDir
    Path root;

    private DryRunHost host;
    private Vrouterd daemon;

    /** Records the bags it is applied with; throws when told to. */
    private static final class Follower implements ServiceConverger {
        private final List<Databags> applied = new ArrayList<>();
        private final Optional<RuntimeException> failure;
        private final DryRunHost host;
        private RedundantState recordedWhenApplied = RedundantState.UNKNOWN;

        Follower(DryRunHost host, Optional<RuntimeException> failure) {
            this.host = host;
            this.failure = failure;
        }

        @Override
        public String name() {
            return "vpn";
        }

        @Override
        public Set<BagKey> inputs() {
            return Set.of(BagKey.CMD_LINE);
        }

        @Override
        public ServiceResult apply(Databags databags) throws IOException {
            applied.add(databags);
            recordedWhenApplied = RedundancyTransition.recorded(host);
            failure.ifPresent(e -> {
                throw e;
            });
            return ServiceResult.applied("followed", List.of("left out: one peer"));
        }

        @Override
        public ServiceResult repair(Databags databags) throws IOException {
            return apply(databags);
        }

        @Override
        public ServiceRendering render(Databags databags) {
            return ServiceRendering.rendered(name(), "", java.util.Map.of());
        }

        @Override
        public ServiceDrift verify(Databags databags) {
            return ServiceDrift.of(name(), List.of());
        }
    }

    @BeforeEach
    void redundantMember() throws IOException {
        host = new DryRunHost(root);
        DatabagStore store = new DatabagStore(host, new PayloadCodec());
        Databags member = RedundantBags.member(2, "1");
        for (BagKey key : List.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK)) {
            store.write(member.get(key));
        }
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void followersApplyTheBagsOfTheStateEnteredOnceItIsRecorded() throws Exception {
        Follower follower = new Follower(host, Optional.empty());

        RedundancyTransition.Outcome outcome = new RedundancyTransition(host, List.of(follower)).enter(RedundantState.FAULT);

        assertThat(outcome.state()).isEqualTo(RedundantState.FAULT);
        assertThat(follower.applied).singleElement().satisfies(bags -> assertThat(bags.cmdLine().get("redundant_state")).contains("FAULT"));
        assertThat(follower.recordedWhenApplied).isEqualTo(RedundantState.FAULT);
        assertThat(outcome.warnings()).containsExactly("vpn: left out: one peer");
    }

    @Test
    void aFollowerThatFailsIsAWarningTheStateStands() throws Exception {
        Follower follower = new Follower(host, Optional.of(new IllegalStateException("charon refused the configuration")));

        RedundancyTransition.Outcome outcome = new RedundancyTransition(host, List.of(follower)).enter(RedundantState.BACKUP);

        assertThat(outcome.state()).isEqualTo(RedundantState.BACKUP);
        assertThat(outcome.warnings()).containsExactly("vpn: charon refused the configuration");
        assertThat(RedundancyTransition.recorded(host)).isEqualTo(RedundantState.BACKUP);
    }

    @Test
    void theDaemonRunsTheTransitionWithTheRoutersFollowersAndAnswersAsTheCommandLine() throws Exception {
        Follower follower = new Follower(host, Optional.empty());
        PayloadCodec codec = new PayloadCodec();
        EntryPoints entryPoints = new EntryPoints(host, Converger.none(), codec, DatabagStore.caching(host, codec, Clock.systemUTC()),
                PipelineOptions.defaults());
        daemon = Vrouterd.serve(host.resolve(Vrouterd.SOCKET_PATH), List.of(new DaemonRouter(entryPoints, List.of(follower))),
                Duration.ofSeconds(20), Metrics.NOOP);

        EntryOutcome stopping = send("redundancy-state -- BACKUP --stopping");

        assertThat(stopping).isEqualTo(new EntryOutcome(0, List.of("warning: vpn: left out: one peer")));
        assertThat(RedundancyTransition.recorded(host)).isEqualTo(RedundantState.BACKUP);
        assertThat(follower.applied).hasSize(1);
        assertThat(send("redundancy-state --root " + root + " -- primary").exitCode()).isZero();
        assertThat(send("redundancy-state -- PRIMARY --stopping"))
                .isEqualTo(RedundancyStateEntry.run(new RedundancyTransition(host), List.of("PRIMARY", "--stopping")).outcome())
                .isEqualTo(EntryOutcome.usage("vrouter redundancy-state: " + RedundancyStateEntry.USAGE));
        assertThat(send("redundancy-state -- UNKNOWN").exitCode()).isEqualTo(EntryOutcome.EXIT_USAGE);
    }

    @Test
    void aRouterWithoutVrrpAnswersOneAsTheCommandLineDoes() throws Exception {
        host.delete(BagKey.CMD_LINE.path());

        RedundancyStateEntry.Result result = RedundancyStateEntry.run(new RedundancyTransition(host), List.of("BACKUP"));

        assertThat(result.outcome().exitCode()).isEqualTo(1);
        assertThat(result.outcome().stderr()).singleElement().asString().startsWith("vrouter redundancy-state: ").contains("no VRRP instance");
        assertThat(result.entered()).isEmpty();
    }

    private EntryOutcome send(String line) throws Exception {
        return DaemonClient.send(host.resolve(Vrouterd.SOCKET_PATH), DaemonRequest.parse(line)).orElseThrow();
    }
}
