package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.redundancy.RedundancyPaths;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The failover benchmark ({@code vrouter bench failover}): a redundant pair on namespaces (as
 * {@code RedundantPairNetnsTest} builds it), a VM pinging the gateway and, through source NAT, the public
 * client every 10 ms, and {@code runs} failovers of each kind, graceful (keepalived stopped, started again)
 * and crash (links down, SIGKILL; the router then restarted by the management side), per advertisement
 * interval. A failover's figure is the longest run of lost
 * pings times the pings' measured interval: the gateway's (the VRRP address moved and announced), and the
 * public path's (the new PRIMARY's public link and routes up: the notify hook's fast path done), and when the
 * new PRIMARY's transition recorded its state, from the failover's start. Prints min/median/max per kind and
 * interval. Needs root, keepalived, conntrackd and the namespace tools.
 */
public final class FailoverBenchmark {
    private static final Pattern SEQ = Pattern.compile("seq=(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PING_INTERVAL = "0.01";

    private final int runs;
    private final List<String> intervals;
    private final PrintStream out;

    /**
     * @param runs failovers per kind and interval
     * @param intervals the {@code advert_int} values to measure ({@code 1}, {@code 0.2})
     * @param out where progress and the table go
     */
    public FailoverBenchmark(int runs, List<String> intervals, PrintStream out) {
        this.runs = runs;
        this.intervals = List.copyOf(intervals);
        this.out = requireNonNull(out, "out is null");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1: " + runs);
        }
    }

    /**
     * One failover's figures, milliseconds.
     *
     * @param recordedMillis from the failover's start (the stop or the crash) until the new PRIMARY's transition
     *     recorded its state ({@code /run/vrouter/redundant_state} written: links, conntrackd done; what
     *     {@code checkrouter.sh} answers)
     */
    public record Sample(String kind, String interval, long gatewayMillis, long publicMillis, long recordedMillis) {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> intervals = args.length > 1 ? List.of(args[1].split(",")) : List.of("1", "0.2");
        new FailoverBenchmark(runs, intervals, System.out).run();
    }

    /** Runs every interval on a fresh pair, prints and returns the samples. */
    public List<Sample> run() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String interval : intervals) {
            samples.addAll(runInterval(interval));
        }
        table(samples);
        return samples;
    }

    private List<Sample> runInterval(String interval) throws IOException {
        Path work = Files.createTempDirectory("vrouter-failover-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Sample> samples = new ArrayList<>();
        try (NetnsVrouter vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), NetnsNames.unique("fb"))) {
            TestNetwork network = vrouter.cloud().redundantNetwork();
            network.withEgressRule(Protocol.ICMP);
            vrouter.element().implement(network.network(), network.network().offering(), vrouter.cloud().destination());
            vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
            RedundantPair pair = new RedundantPair(vrouter, network);
            VirtualMachineProfile profile = network.addVm("vm-1");
            vrouter.element().prepare(network.network(), profile.nicIn(network.id()).orElseThrow(), profile, vrouter.cloud().destination());
            GuestVm vm = vrouter.guest(network, profile);
            pair.awaitPrimary(WAIT);
            if (!interval.equals("1")) {
                pair.advertInterval(interval);
            }
            vm.requestLease(WAIT);
            for (int run = 1; run <= runs; run++) {
                for (String kind : List.of("graceful", "crash")) {
                    Sample sample = failover(pair, vm, kind, interval);
                    out.printf(Locale.ROOT, "advert_int %s %s run %d: gateway %d ms, public path %d ms, state recorded %d ms%n", interval,
                            kind, run, sample.gatewayMillis(), sample.publicMillis(), sample.recordedMillis());
                    samples.add(sample);
                }
            }
        }
        finally {
            deleteTree(work);
        }
        return samples;
    }

    private Sample failover(RedundantPair pair, GuestVm vm, String kind, String interval) throws IOException {
        DomainRouter primary = pair.awaitPrimary(WAIT);
        long start = System.nanoTime();
        long gateway;
        long publicPath;
        long recorded;
        // line-buffered, so that every answer is in the output when it is read
        try (GuestProcess toGateway = GuestProcess.start(vm, "stdbuf", "-oL", "busybox", "ping", "-i", PING_INTERVAL, pair.gateway().value());
                GuestProcess toPublic = GuestProcess.start(vm, "stdbuf", "-oL", "busybox", "ping", "-i", PING_INTERVAL,
                        TestCloud.PUBLIC_GATEWAY.value())) {
            RedundantPair.sleep(Duration.ofMillis(500));
            Instant failedAt = Instant.now();
            if (kind.equals("crash")) {
                pair.crash(primary);
            }
            else {
                pair.stopKeepalived(primary);
            }
            pair.awaitPrimary(WAIT, Optional.of(pair.peer(primary)));
            Instant recordedAt = Files.getLastModifiedTime(pair.netns(pair.peer(primary)).host().resolve(RedundancyPaths.STATE)).toInstant();
            recorded = Duration.between(failedAt, recordedAt).toMillis();
            RedundantPair.sleep(Duration.ofMillis(500));
            double elapsedMillis = (System.nanoTime() - start) / 1e6;
            gateway = outage(toGateway.output(), elapsedMillis);
            publicPath = outage(toPublic.output(), elapsedMillis);
        }
        finally {
            if (kind.equals("crash")) {
                pair.recover(primary);
                if (!interval.equals("1")) {
                    // the restarted router got the management server's boot arguments (whole seconds) again
                    pair.advertInterval(interval);
                }
            }
            else {
                pair.startKeepalived(primary);
            }
        }
        // the old PRIMARY back as BACKUP before the next run
        pair.awaitPrimary(WAIT, Optional.of(pair.peer(primary)));
        RedundantPair.sleep(Duration.ofMillis(300));
        return new Sample(kind, interval, gateway, publicPath, recorded);
    }

    /** The longest run of lost pings, in milliseconds, at the pings' measured interval. */
    static long outage(String pingOutput, double elapsedMillis) {
        List<Integer> seqs = new ArrayList<>();
        Matcher matcher = SEQ.matcher(pingOutput);
        while (matcher.find()) {
            seqs.add(Integer.parseInt(matcher.group(1)));
        }
        if (seqs.size() < 2) {
            throw new IllegalStateException("the pings got no answers at all: nothing to measure (" + pingOutput.lines().limit(3).toList() + ")");
        }
        seqs.sort(Comparator.naturalOrder());
        int longest = 0;
        for (int i = 1; i < seqs.size(); i++) {
            longest = Math.max(longest, seqs.get(i) - seqs.get(i - 1) - 1);
        }
        double interval = elapsedMillis / (seqs.get(seqs.size() - 1) + 1);
        return Math.round(longest * interval);
    }

    private void table(List<Sample> samples) {
        out.println();
        out.println("| advert_int | failover | runs | gateway min / median / max (ms) | public path min / median / max (ms) "
                + "| state recorded min / median / max (ms) |");
        out.println("|---|---|---|---|---|---|");
        for (String interval : intervals) {
            for (String kind : List.of("graceful", "crash")) {
                List<Sample> of = samples.stream().filter(sample -> sample.interval().equals(interval) && sample.kind().equals(kind)).toList();
                out.printf(Locale.ROOT, "| %s s | %s | %d | %s | %s | %s |%n", interval, kind, of.size(),
                        stats(of.stream().map(Sample::gatewayMillis).toList()), stats(of.stream().map(Sample::publicMillis).toList()),
                        stats(of.stream().map(Sample::recordedMillis).toList()));
            }
        }
    }

    private static String stats(List<Long> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(0) + " / " + sorted.get(sorted.size() / 2) + " / " + sorted.get(sorted.size() - 1);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
