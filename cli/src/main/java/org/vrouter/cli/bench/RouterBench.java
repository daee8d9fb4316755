package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * Runs the router benchmark: for each size N, a converge from scratch of N DHCP entries, N firewall rules
 * and N port forwards, then adding one of each at that size (in process, as vrouterd runs them); a small
 * change through {@code update_config.py} on a router holding N DHCP entries and N/2 rules, with vrouterd
 * and one-shot; the floors beside them; and the per-entry targets (one file each, one batch). Every router
 * is fresh; a warm-up pass at a small size runs first so that the smallest size is not measured cold, and each
 * repeated case is measured after unmeasured runs of its own ({@link #WARM_UPS}; from scratch: one router),
 * the first of which is reported apart, cold.
 */
final class RouterBench {
    /** Big enough for the JIT to compile the per-entry paths before anything is measured. */
    private static final int WARM_UP_SIZE = 200;
    /**
     * Unmeasured runs before the measured ones of a repeated case, as JMH warms up: the first changes at a new size run
     * while the JIT still compiles that size's paths (2-3 times slower at 10,000), which a long-running vrouterd is past.
     */
    static final int WARM_UPS = 10;
    private static final int QUICK_WARM_UP_SIZE = 20;

    private final Sandbox sandbox;
    private final Function<Host, Converger> convergers;
    private final EntryScripts scripts;
    private final Floors floors;
    private final BenchOptions options;
    private final PrintStream progress;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Each router's entry points, built once as vrouterd builds them (bags cached), used for all its runs. */
    private final Map<Path, EntryPoints> entryPointsByRoot = new HashMap<>();
    /** The same routers' entry points as vrouterd serves them (settled after the reply). */
    private final Map<Path, EntryPoints> servedByRoot = new HashMap<>();
    private final Map<Path, TimedConverger> convergersByRoot = new HashMap<>();
    private int routers;

    RouterBench(Sandbox sandbox, Function<Host, Converger> convergers, EntryScripts scripts, BenchOptions options, PrintStream progress) {
        this.sandbox = requireNonNull(sandbox, "sandbox is null");
        this.convergers = requireNonNull(convergers, "convergers is null");
        this.scripts = requireNonNull(scripts, "scripts is null");
        this.floors = new Floors(sandbox);
        this.options = requireNonNull(options, "options is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    BenchResults run(String converger) throws IOException {
        int warmUp = options.quick() ? QUICK_WARM_UP_SIZE : WARM_UP_SIZE;
        progress.println("bench: warming up at N=" + warmUp);
        size(warmUp, true);
        figures.clear();
        notes.clear();
        for (int n : options.sizes()) {
            size(n, false);
        }
        progress.println("bench: " + options.perEntryCount() + " entries, one file each and one batch");
        perEntryTargets(options.perEntryCount());
        if (!sandbox.namespaces()) {
            notes.add("dry run: no program ran, so converges apply nothing and no floor was measured");
        }
        if (!options.apply()) {
            notes.add("--no-apply: the one-shot row runs vrouter update-config --dry-run (renders and writes, runs no program)");
        }
        return new BenchResults(options.sizes(), sandbox.description(), converger, figures, notes);
    }

    private void size(int n, boolean warmUp) throws IOException {
        progress.println("bench: N=" + n);
        Sandbox.Router dhcp = scratch(Series.SCRATCH_DHCP, n, (router, entryPoints) -> dhcpFromScratch(entryPoints, router, n));
        addOne(Series.ADD_DHCP, n, dhcp, i -> deliver(dhcp, Workload.dhcpFile(i), Workload.dhcpEntry(i)));
        release(dhcp);
        Sandbox.Router firewall = scratch(Series.SCRATCH_FIREWALL, n, (router, entryPoints) -> rules(router, entryPoints, "firewall_rules.json.all",
                Workload.firewallRules(0, n)));
        addOne(Series.ADD_FIREWALL, n, firewall, i -> deliver(firewall, "firewall_rules.json." + i, Workload.firewallRules(i, i + 1)));
        release(firewall);
        Sandbox.Router forwards = scratch(Series.SCRATCH_FORWARDS, n, (router, entryPoints) -> rules(router, entryPoints, "forwarding_rules.json.all",
                Workload.portForwards(0, n)));
        addOne(Series.ADD_FORWARD, n, forwards, i -> deliver(forwards, "forwarding_rules.json." + i, Workload.portForwards(i, i + 1)));
        release(forwards);
        entryPoint(n, warmUp);
        if (!warmUp) {
            floor(Series.FLOOR_RESTORE_FIREWALL, n, floors.restore(ruleset(firewall, n, false)));
            floor(Series.FLOOR_RESTORE_FORWARDS, n, floors.restore(ruleset(forwards, n, true)));
            floor(Series.FLOOR_DNSMASQ, n, floors.dnsmasqReload(n));
        }
    }

    /** A converge from scratch of one kind of entry. */
    @FunctionalInterface
    private interface Scratch {
        Duration run(Sandbox.Router router, EntryPoints entryPoints) throws IOException;
    }

    /**
     * Runs a from-scratch case on fresh routers: the first of this size apart (JIT cold), then the median of the
     * next ones; the last router stays, with its entry points, for the add-one case.
     */
    private Sandbox.Router scratch(Series series, int n, Scratch scratch) throws IOException {
        int runs = options.quick() ? 1 : 3;
        int warmUps = options.quick() ? 0 : 1;
        List<Duration> times = new ArrayList<>();
        Sandbox.Router router = null;
        for (int run = 0; run < warmUps + runs; run++) {
            if (router != null) {
                release(router);
            }
            router = freshRouter(series.key());
            Duration time = scratch.run(router, entryPointsOf(router));
            record(series, n, run, warmUps, time, times);
        }
        figures.add(new Figure(series, n, Stats.median(times), runs));
        return router;
    }

    /** A run's time: the first of several apart as the cold one, the rest among the measured ones. */
    private void record(Series series, int n, int run, int warmUps, Duration time, List<Duration> measured) {
        if (run == 0 && warmUps > 0) {
            series.cold().ifPresent(cold -> figures.add(new Figure(cold, n, time, 1)));
        }
        if (run >= warmUps) {
            measured.add(time);
        }
    }

    private Duration dhcpFromScratch(EntryPoints entryPoints, Sandbox.Router router, int n) throws IOException {
        router.host().writeText("/var/cache/cloud/VR-scratch.cfg", Workload.dhcpBatch(0, n), FileMode.SECRET);
        long start = System.nanoTime();
        ok(entryPoints.vrCfg("/var/cache/cloud/VR-scratch.cfg"));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Duration rules(Sandbox.Router router, EntryPoints entryPoints, String file, String json) throws IOException {
        deliver(router, file, json);
        long start = System.nanoTime();
        ok(entryPoints.updateConfig(List.of(file), false));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Something delivered before a timed run: the upload CloudStack does before it calls the script. */
    @FunctionalInterface
    private interface Delivery {
        String deliver(int i) throws IOException;
    }

    /**
     * Adds one entry at a time to a router of size n (median of several), through the entry points vrouterd uses:
     * each run is timed to its reply, then settled on its own (timed apart: vrouterd settles once idle, after the reply).
     */
    private void addOne(Series series, int n, Sandbox.Router router, Delivery delivery) throws IOException {
        EntryPoints entryPoints = servedOf(router);
        TimedConverger converger = convergersByRoot.get(router.root());
        int runs = options.quick() ? 3 : 7;
        int warmUps = warmUps();
        List<Duration> times = new ArrayList<>();
        List<Duration> converges = new ArrayList<>();
        List<Duration> settles = new ArrayList<>();
        for (int run = 0; run < warmUps + runs; run++) {
            String file = delivery.deliver(n + run);
            converger.reset();
            long start = System.nanoTime();
            ok(entryPoints.updateConfig(List.of(file), false));
            record(series, n, run, warmUps, Duration.ofNanos(System.nanoTime() - start), times);
            long settling = System.nanoTime();
            entryPoints.settle();
            if (run >= warmUps) {
                converges.add(converger.last());
                settles.add(Duration.ofNanos(System.nanoTime() - settling));
            }
        }
        figures.add(new Figure(series, n, Stats.median(times), runs));
        share(series, n, converges);
        series.settled().ifPresent(settled -> figures.add(new Figure(settled, n, Stats.median(settles), runs)));
    }

    /** A small change through update_config.py on a router holding n DHCP entries and n/2 rules: with vrouterd, then without. */
    private void entryPoint(int n, boolean warmUp) throws IOException {
        Sandbox.Router router = freshRouter("entry");
        EntryPoints entryPoints = entryPointsOf(router);
        router.host().writeText("/var/cache/cloud/VR-fill.cfg", Workload.dhcpBatch(0, n), FileMode.SECRET);
        ok(entryPoints.vrCfg("/var/cache/cloud/VR-fill.cfg"));
        deliver(router, "firewall_rules.json.fill", Workload.firewallRules(0, n / 2));
        ok(entryPoints.updateConfig(List.of("firewall_rules.json.fill"), false));
        served(Series.ENTRY_DAEMON, n, router, run -> deliver(router, Workload.dhcpFile(n + run), Workload.dhcpEntry(n + run)));
        served(Series.ENTRY_RULE_DAEMON, n, router, run -> deliver(router, "firewall_rules.json.one" + run, Workload.firewallRules(n + run, n + run + 1)));
        settled(n, router);
        if (warmUp) {
            release(router);
            return;
        }
        List<Duration> oneShot = new ArrayList<>();
        for (int run = 0, next = n + 1000; run < (options.quick() ? 1 : 3); run++, next++) {
            oneShot.add(scripts.updateConfig(router, deliver(router, Workload.dhcpFile(next), Workload.dhcpEntry(next))));
        }
        figures.add(new Figure(Series.ENTRY_ONE_SHOT, n, Stats.median(oneShot), oneShot.size()));
        release(router);
    }

    /** Several small changes through update_config.py while vrouterd serves the router: the median, and the converger's share. */
    private void served(Series series, int n, Sandbox.Router router, Delivery delivery) throws IOException {
        TimedConverger converger = convergersByRoot.get(router.root());
        List<Duration> converges = new ArrayList<>();
        List<Duration> served = whileServed(router, () -> {
            List<Duration> times = new ArrayList<>();
            int warmUps = warmUps();
            for (int run = 0; run < warmUps + (options.quick() ? 3 : 11); run++) {
                String file = delivery.deliver(run);
                converger.reset();
                Duration time = scripts.updateConfig(router, file);
                if (run >= warmUps) {
                    times.add(time);
                    converges.add(converger.last());
                }
            }
            return times;
        });
        figures.add(new Figure(series, n, Stats.median(served), served.size()));
        share(series, n, converges);
    }

    /**
     * What vrouterd writes after replying to one small change, once the router is idle (CloudStack's derived files,
     * the databag journal's compaction): each change settled on its own, timed in process.
     */
    private void settled(int n, Sandbox.Router router) throws IOException {
        EntryPoints served = servedOf(router);
        List<Duration> times = new ArrayList<>();
        for (int run = 0; run < (options.quick() ? 3 : 7); run++) {
            ok(served.updateConfig(List.of(deliver(router, Workload.dhcpFile(n + 500 + run), Workload.dhcpEntry(n + 500 + run))), false));
            long start = System.nanoTime();
            served.settle();
            times.add(Duration.ofNanos(System.nanoTime() - start));
        }
        figures.add(new Figure(Series.ENTRY_DAEMON_SETTLED, n, Stats.median(times), times.size()));
    }

    /** The converger's share of a series, when the routers apply anything. */
    private void share(Series series, int n, List<Duration> converges) {
        if (options.apply()) {
            series.converge().ifPresent(share -> figures.add(new Figure(share, n, Stats.median(converges), converges.size())));
        }
    }

    /** count entries through update_config.py one file each (total), and through vr_cfg.sh in one batch, vrouterd running. */
    private void perEntryTargets(int count) throws IOException {
        Sandbox.Router each = freshRouter("each");
        Duration total = whileServed(each, () -> {
            Duration sum = Duration.ZERO;
            for (int i = 0; i < count; i++) {
                sum = sum.plus(scripts.updateConfig(each, deliver(each, Workload.dhcpFile(i), Workload.dhcpEntry(i))));
            }
            return sum;
        });
        figures.add(new Figure(Series.EACH_FILE, count, total, 1));
        release(each);
        Sandbox.Router batch = freshRouter("batch");
        batch.host().writeText("/var/cache/cloud/VR-batch.cfg", Workload.dhcpBatch(0, count), FileMode.SECRET);
        figures.add(new Figure(Series.ONE_BATCH, count, whileServed(batch, () -> scripts.vrCfg(batch, "-c", "/var/cache/cloud/VR-batch.cfg")), 1));
    }

    /** Work done while a router's vrouterd runs. */
    @FunctionalInterface
    private interface Served<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} with vrouterd serving the router (its entry points, as warm as they are) on its own socket. */
    private <T> T whileServed(Sandbox.Router router, Served<T> work) throws IOException {
        int oneShots = scripts.oneShots();
        Vrouterd daemon = Vrouterd.start(router.host().resolve(Vrouterd.SOCKET_PATH), List.of(servedOf(router)), Duration.ofSeconds(30),
                Metrics.NOOP);
        T result;
        try {
            result = work.run();
        }
        finally {
            daemon.close();
        }
        if (scripts.oneShots() != oneShots) {
            throw new IOException("the entry points ran one-shot although vrouterd was serving (is nc, from netcat-openbsd, installed?)");
        }
        return result;
    }

    private void floor(Series series, int n, Optional<Duration> time) {
        time.ifPresent(measured -> figures.add(new Figure(series, n, measured, 3)));
    }

    /** The ruleset the converge wrote (rules.v4), else a stand-in of n rules, noted as such. */
    private String ruleset(Sandbox.Router router, int n, boolean forwards) throws IOException {
        Optional<String> applied = router.host().readText("/etc/iptables/rules.v4");
        if (applied.isPresent()) {
            return applied.get();
        }
        String note = "iptables-restore floors use a stand-in ruleset of N rules (the converger wrote no /etc/iptables/rules.v4)";
        if (!notes.contains(note) && sandbox.namespaces()) {
            notes.add(note);
        }
        return Workload.ruleset(n, forwards);
    }

    private Sandbox.Router freshRouter(String label) throws IOException {
        Sandbox.Router router = sandbox.router(label + "-" + (++routers));
        PayloadCodec codec = new PayloadCodec();
        TimedConverger converger = new TimedConverger(convergers.apply(router.host()));
        DatabagStore store = DatabagStore.caching(router.host(), codec, Clock.systemUTC());
        EntryPoints entryPoints = new EntryPoints(router.host(), converger, codec, store, PipelineOptions.defaults());
        entryPointsByRoot.put(router.root(), entryPoints);
        // as vrouterd builds them: what nothing waits on is written after the reply, once the router is idle
        servedByRoot.put(router.root(), new EntryPoints(router.host(), converger, codec, store, PipelineOptions.defaults().withSettleLater(true)));
        convergersByRoot.put(router.root(), converger);
        ok(entryPoints.updateConfig(List.of(deliver(router, "cmd_line.json", Workload.cmdLine())), false));
        ok(entryPoints.updateConfig(List.of(deliver(router, "ip_associations.json.setup", Workload.ipAssociations())), false));
        return router;
    }

    /**
     * Drops what the benchmark holds of a router done with (its entry points: bags, memos, the last applied state).
     * A router's vrouterd holds its own router only; a benchmark holding dozens of 10,000-entry routers would
     * measure the garbage collector copying all of them (young pauses of 20-80 ms) rather than the router.
     */
    private void release(Sandbox.Router router) {
        entryPointsByRoot.remove(router.root());
        servedByRoot.remove(router.root());
        convergersByRoot.remove(router.root());
    }

    private int warmUps() {
        return options.quick() ? 0 : WARM_UPS;
    }

    private EntryPoints servedOf(Sandbox.Router router) {
        return requireNonNull(servedByRoot.get(router.root()), "no served entry points for " + router.root());
    }

    private EntryPoints entryPointsOf(Sandbox.Router router) {
        return requireNonNull(entryPointsByRoot.get(router.root()), "no entry points for " + router.root());
    }

    /** Writes an input into the router's cache, as CloudStack's upload does; returns its name. */
    private static String deliver(Sandbox.Router router, String name, String json) throws IOException {
        router.host().writeText("/var/cache/cloud/" + name, json, FileMode.SECRET);
        return name;
    }

    private static void ok(EntryOutcome outcome) throws IOException {
        if (outcome.exitCode() != 0) {
            throw new IOException("a benchmark step failed with exit " + outcome.exitCode() + ": " + String.join(" / ", outcome.stderr()));
        }
    }
}
