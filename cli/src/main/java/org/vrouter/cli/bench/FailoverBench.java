package org.vrouter.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.vrouter.router.launcher.CommandLine;
import org.vrouter.testkit.netns.FailoverBenchmark;

/**
 * {@code vrouter bench failover [--runs N] [--advert-int S,S...]}: the redundant-pair failover benchmark
 * ({@link FailoverBenchmark}): per advertisement interval (default {@code 1,0.2}), {@code N} graceful and
 * {@code N} crash failovers (default 20) of a real keepalived pair on network namespaces; prints each run and
 * the min/median/max table that docs/performance.md quotes. Needs root, keepalived and conntrackd.
 */
final class FailoverBench {
    static final String NAME = "failover";
    private static final String USAGE = "usage: vrouter bench failover [--runs N] [--advert-int S,S...]";

    private FailoverBench() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int runs = 20;
        List<String> intervals = List.of("1", "0.2");
        try {
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (args.get(i)) {
                    case "--runs" -> runs = Integer.parseInt(require(value));
                    case "--advert-int" -> intervals = Arrays.asList(require(value).split(","));
                    default -> throw new IllegalArgumentException(args.get(i));
                }
                i++;
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs " + runs);
            }
        }
        catch (IllegalArgumentException e) {
            err.println("vrouter bench failover: " + e.getMessage() + "\n" + USAGE);
            return CommandLine.EXIT_USAGE;
        }
        new FailoverBenchmark(runs, intervals, out).run();
        return 0;
    }

    private static String require(String value) {
        if (value == null) {
            throw new IllegalArgumentException("an option needs a value");
        }
        return value;
    }
}
