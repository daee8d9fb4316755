package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.vrouter.router.launcher.Subcommand;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.host.Host;

/**
 * {@code vrouter bench router [--quick] [--dry-run] [--no-apply] [--sizes N,N...] [--out DIR]}: measures the router side
 * (see {@link RouterBench}) on throw-away routers, prints the table and writes {@code router-bench.csv} and
 * {@code router-bench.svg} into {@code DIR} (default {@code ./vrouter-bench}). The routers are network
 * namespaces when run as root with the tools installed, dry runs otherwise; either way everything it
 * made is removed when it ends. {@code vrouter bench failover} measures redundant pairs instead
 * ({@link FailoverBench}).
 */
public final class BenchCommand implements Subcommand {
    private final Function<Host, Converger> convergers;
    private final String converger;

    /**
     * @param convergers the converger for a router's host, as the other router commands get it
     * @param converger what it is, for the report
     */
    public BenchCommand(Function<Host, Converger> convergers, String converger) {
        this.convergers = requireNonNull(convergers, "convergers is null");
        this.converger = requireNonNull(converger, "converger is null");
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the router side (bench router) or a redundant pair's failover (bench failover, root)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty() && args.get(0).equals(FailoverBench.NAME)) {
            return FailoverBench.run(args.subList(1, args.size()), out, err);
        }
        BenchOptions options = BenchOptions.parse(args);
        BenchResults results;
        Function<Host, Converger> used = options.apply() ? convergers : host -> Converger.none();
        String description = options.apply() ? converger : "none (--no-apply): databags, pipeline, vrouterd and clients only";
        try (Sandbox sandbox = Sandbox.create(options.dryRun())) {
            EntryScripts scripts = EntryScripts.install(sandbox.directory(), options.apply());
            results = new RouterBench(sandbox, used, scripts, options, err).run(description);
        }
        BenchReport.table(results, out);
        for (Path file : BenchReport.files(results, options.out())) {
            out.println("wrote " + file);
        }
        return 0;
    }
}
