package org.vrouter.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.cli.bench.BenchCommand;
import org.vrouter.cli.demo.DemoCommand;
import org.vrouter.commands.wire.CommandCodec;

/**
 * Entry point of the {@code vrouter} command ({@code bin/vrouter}). Wires the subcommands with
 * constructors and dispatches on the first argument. Exit status: 0 success, 1 rejected input,
 * 2 failure while applying, 64 usage error.
 */
public final class Main {
    static final int EXIT_REJECTED = 1;
    static final int EXIT_FAILED = 2;
    static final int EXIT_USAGE = 64;
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    Main(List<Subcommand> subcommands) {
        subcommands.forEach(subcommand -> this.subcommands.put(subcommand.name(), subcommand));
    }

    public static void main(String[] args) {
        RouterWiring router = RouterWiring.standard(Clock.systemUTC());
        Main main = new Main(List.of(new DemoCommand(CommandCodec.withRandomIds()), new UpdateConfigCommand(System.getenv(), router),
                new VrCfgCommand(router), new RenderCommand(router), new VerifyCommand(router), new VrouterdCommand("vrouterd", router),
                new VrouterdCommand("daemon", router), new BenchCommand(host -> router.converger(RouterOptions.describing(host), host),
                        "RouterConvergers.standard (addresses, firewall, dnsmasq, haproxy); daemons started directly in the namespace"),
                new VersionCommand()));
        System.exit(main.run(List.of(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? EXIT_USAGE : 0;
        }
        Subcommand subcommand = subcommands.get(args.get(0));
        if (subcommand == null) {
            err.println("vrouter: unknown command '" + args.get(0) + "'");
            usage(err);
            return EXIT_USAGE;
        }
        try {
            return subcommand.run(args.subList(1, args.size()), out, err);
        }
        catch (InvalidParameterException e) {
            err.println("vrouter " + subcommand.name() + ": " + e.getMessage());
            return EXIT_REJECTED;
        }
        catch (IllegalArgumentException e) {
            err.println("vrouter " + subcommand.name() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        catch (Exception e) {
            // process edge: an unexpected failure is logged once with its cause, then reported as exit 2
            log.error("vrouter {} failed", subcommand.name(), e);
            err.println("vrouter " + subcommand.name() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private void usage(PrintStream stream) {
        stream.println("usage: vrouter <command> [options]");
        stream.println();
        subcommands.values().forEach(subcommand -> stream.printf("  %-14s %s%n", subcommand.name(), subcommand.summary()));
        stream.printf("  %-14s %s%n", "help", "print this text");
    }
}
