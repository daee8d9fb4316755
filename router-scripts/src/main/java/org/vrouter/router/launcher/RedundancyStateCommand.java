package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.router.host.Host;
import org.vrouter.router.redundancy.RedundancyStateEntry;
import org.vrouter.router.redundancy.RedundancyTransition;

/**
 * {@code vrouter redundancy-state PRIMARY|BACKUP|FAULT [--stopping] [--root DIR] [--netns NAME]}: keepalived's
 * notify hook when no {@code vrouterd} answers, one VRRP transition ({@link RedundancyTransition}, with the
 * services of the router's converger that follow the VRRP state); {@code --stopping} is {@code notify_stop}'s
 * (BACKUP whatever the interface says). Prints the state entered (which is what the router observes: see the
 * transition); exit status and stderr as {@link RedundancyStateEntry} says, the same as the daemon's
 * {@code redundancy-state} request.
 */
final class RedundancyStateCommand implements Subcommand {
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
        return "enter a VRRP state (keepalived's notify hook): public links, conntrackd, VPN, recorded state";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean stopping = args.contains(RedundancyStateEntry.STOPPING);
        RouterOptions options;
        Host host;
        try {
            options = RouterOptions.parse(args.stream().filter(arg -> !arg.equals(RedundancyStateEntry.STOPPING)).toList(), false);
            host = wiring.host(options);
        }
        catch (UsageException e) {
            err.println("vrouter redundancy-state: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
        List<String> words = new ArrayList<>(options.positional());
        if (stopping) {
            words.add(RedundancyStateEntry.STOPPING);
        }
        RedundancyTransition transition = new RedundancyTransition(host, wiring.converger(options, host).redundantStateFollowers());
        RedundancyStateEntry.Result result = RedundancyStateEntry.run(transition, words);
        result.outcome().stderr().forEach(err::println);
        result.entered().ifPresent(state -> out.println(state.wireName()));
        return result.outcome().exitCode();
    }
}
