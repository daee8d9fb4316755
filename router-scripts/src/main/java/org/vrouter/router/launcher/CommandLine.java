package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The {@code vrouter} command line: dispatches on the first argument to one of its {@link Subcommand}s and
 * turns what escapes them into an exit status. Used by {@link RouterMain} (the router distribution's
 * {@code /opt/vrouter/bin/vrouter}) and by the cli module's {@code bin/vrouter}, which adds its own
 * subcommands. Exit status: 0 success, {@value #EXIT_REJECTED} rejected input, {@value #EXIT_FAILED}
 * failure while applying, {@value #EXIT_USAGE} usage error.
 */
public final class CommandLine {
    /** Rejected input: nothing changed. */
    public static final int EXIT_REJECTED = 1;
    /** A failure while applying (the previous state of the failed service is still in force). */
    public static final int EXIT_FAILED = 2;
    /** An unknown command or option, a missing value. */
    public static final int EXIT_USAGE = 64;
    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    /**
     * @param subcommands in the order the usage text lists them
     * @throws IllegalArgumentException if two share a name
     */
    public CommandLine(List<Subcommand> subcommands) {
        for (Subcommand subcommand : subcommands) {
            if (this.subcommands.put(subcommand.name(), subcommand) != null) {
                throw new IllegalArgumentException("two subcommands are named " + subcommand.name());
            }
        }
    }

    /** Runs {@code vrouter <args>}; the process exit status. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
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
        int width = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0);
        String line = "  %-" + Math.max(width, "help".length()) + "s  %s%n";
        subcommands.values().forEach(subcommand -> stream.printf(line, subcommand.name(), subcommand.summary()));
        stream.printf(line, "help", "print this text");
    }
}
