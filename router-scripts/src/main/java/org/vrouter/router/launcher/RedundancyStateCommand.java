package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.router.RedundantState;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.ConfigLock;
import org.vrouter.router.redundancy.RedundancyTransition;

/**
 * {@code vrouter redundancy-state PRIMARY|BACKUP|FAULT [--stopping] [--root DIR] [--netns NAME]}: keepalived's
 * notify hook, one VRRP transition ({@link RedundancyTransition}); {@code --stopping} is {@code notify_stop}'s
 * (BACKUP whatever the interface says). Prints the state entered (which is what the router observes: see the
 * transition); exit 0, 1 when the router has no VRRP instance, 2 when the transition failed
 * or waited too long for an update, 64 on a usage error.
 */
final class RedundancyStateCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter redundancy-state PRIMARY|BACKUP|FAULT [--stopping] [--root DIR] [--netns NAME]";
    private static final String STOPPING = "--stopping";

    private final RouterWiring wiring;

    RedundancyStateCommand(RouterWiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public String name() {
        return "redundancy-state";
    }

    @Override
    public String summary() {
        return "enter a VRRP state (keepalived's notify hook): public links, conntrackd, recorded state";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        RedundantState requested;
        Host host;
        boolean stopping = args.contains(STOPPING);
        try {
            RouterOptions options = RouterOptions.parse(args.stream().filter(arg -> !arg.equals(STOPPING)).toList(), false);
            if (options.positional().size() != 1) {
                throw new UsageException(USAGE);
            }
            requested = parse(options.positional().get(0));
            if (stopping && requested != RedundantState.BACKUP) {
                throw new UsageException(USAGE);
            }
            host = wiring.host(options);
        }
        catch (UsageException e) {
            err.println("vrouter redundancy-state: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
        try {
            RedundancyTransition transition = new RedundancyTransition(host);
            RedundancyTransition.Outcome outcome = stopping ? transition.enterStopping() : transition.enter(requested);
            outcome.warnings().forEach(warning -> err.println("warning: " + warning));
            out.println(outcome.state().wireName());
            return 0;
        }
        catch (InvalidParameterException e) {
            err.println("vrouter redundancy-state: " + e.getMessage());
            return CommandLine.EXIT_REJECTED;
        }
        catch (ConfigLock.LockTimeoutException | VrouterException e) {
            err.println("vrouter redundancy-state: " + e.getMessage());
            return CommandLine.EXIT_FAILED;
        }
    }

    private static RedundantState parse(String word) throws UsageException {
        try {
            RedundantState state = RedundantState.fromWireName("state", word.toUpperCase(Locale.ROOT));
            if (state == RedundantState.UNKNOWN) {
                throw new UsageException(USAGE);
            }
            return state;
        }
        catch (InvalidParameterException e) {
            throw new UsageException(USAGE);
        }
    }
}
