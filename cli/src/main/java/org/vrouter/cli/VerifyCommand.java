package org.vrouter.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.Verify;
import org.vrouter.router.pipeline.VerifyResult;

/**
 * {@code vrouter verify [--root DIR] [--netns NAME] [--repair]}: compares the machine with what the
 * databags describe and prints the drift, one service per line ({@code dnsmasq: drifted}) followed by its
 * differences indented ({@code   /etc/hosts: sha256 ... on disk, ... rendered}, {@code   dnsmasq is not
 * running}, {@code   kernel iptables differ ...}). With {@code --repair}, when something drifted, every
 * service is converged from the machine's actual state (as at boot), the repair is summarised
 * ({@code repaired: firewall applied, ...}) and the check is printed again under {@code after repair:}.
 * Exit 0 when nothing differs (after the repair, with {@code --repair}), 2 when something does, could not
 * be checked, or the repair failed; 64 for a usage error.
 */
final class VerifyCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter verify [--root DIR] [--netns NAME] [--repair]";
    private static final String REPAIR = "--repair";

    private final RouterWiring wiring;

    VerifyCommand(RouterWiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "compare the machine with the databags and print the drift (--repair fixes it)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<String> rest = new ArrayList<>(args);
        int end = rest.contains("--") ? rest.indexOf("--") : rest.size();
        boolean repair = rest.subList(0, end).removeIf(REPAIR::equals);
        RouterOptions options;
        Host host;
        try {
            options = RouterOptions.parse(rest, false);
            if (!options.positional().isEmpty()) {
                throw new UsageException(USAGE);
            }
            host = wiring.host(options);
        }
        catch (UsageException e) {
            err.println("vrouter verify: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        VerifyResult result = new Verify(host, wiring.converger(options, host), new PayloadCodec(), PipelineOptions.defaults()).run(repair);
        result.warnings().forEach(warning -> err.println("warning: " + warning));
        if (!result.message().isEmpty()) {
            err.println("vrouter verify: " + result.message());
            return result.exitCode();
        }
        print(result.drift(), out);
        result.repair().ifPresent(converge -> {
            out.println("repaired: " + summary(converge));
            out.println("after repair:");
            print(result.after(), out);
            converge.services().stream().filter(ServiceOutcome::failed)
                    .forEach(failure -> err.println("vrouter verify: repair failed: " + failure.service() + ": " + failure.detail()));
        });
        return result.exitCode();
    }

    private static void print(List<ServiceDrift> drifts, PrintStream out) {
        for (ServiceDrift drift : drifts) {
            String state = drift.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            out.println(drift.service() + ": " + state + (drift.detail().isEmpty() ? "" : ": " + drift.detail()));
            drift.differences().forEach(difference -> out.println("  " + difference));
        }
    }

    private static String summary(ConvergeResult converge) {
        List<String> parts = new ArrayList<>();
        for (ServiceOutcome outcome : converge.services()) {
            parts.add(outcome.service() + " " + outcome.status().name().toLowerCase(Locale.ROOT)
                    + (outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")"));
        }
        return String.join(", ", parts);
    }
}
