package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;

/**
 * {@code vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]}: CloudStack's
 * {@code update_config.py}, one shot. Exit 0 converged, 1 rejected input (also a wrong number of
 * arguments, as CloudStack does), 2 apply failed, 64 unknown option. {@code DEFER_CONFIG} in the
 * environment defers DHCP and metadata converges, as for CloudStack's batch runner. What runs is
 * {@link EntryPoints#updateConfig}, which {@code vrouterd} runs too.
 */
final class UpdateConfigCommand implements Subcommand {
    private final Map<String, String> environment;
    private final RouterWiring wiring;

    /**
     * @param environment the process environment (only {@code DEFER_CONFIG} is read)
     * @param wiring the machine and converger for the options
     */
    UpdateConfigCommand(Map<String, String> environment, RouterWiring wiring) {
        this.environment = Map.copyOf(environment);
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return "update-config";
    }

    @Override
    public String summary() {
        return "merge one CloudStack file into the databags and converge (update_config.py)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        try {
            RouterOptions options = RouterOptions.parse(args, false);
            Host host = wiring.host(options);
            boolean defer = !environment.getOrDefault("DEFER_CONFIG", "").isEmpty();
            return report(EntryPoints.oneShot(host, wiring.converger(options, host)).updateConfig(options.positional(), defer), err);
        }
        catch (UsageException e) {
            err.println("vrouter update-config: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
    }

    /** The stderr lines, then the exit status. */
    static int report(EntryOutcome outcome, PrintStream err) {
        outcome.stderr().forEach(err::println);
        return outcome.exitCode();
    }
}
