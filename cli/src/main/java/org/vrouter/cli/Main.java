package org.vrouter.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.cli.bench.BenchCommand;
import org.vrouter.cli.demo.DemoCommand;
import org.vrouter.router.launcher.CommandLine;
import org.vrouter.router.launcher.RouterMain;
import org.vrouter.router.launcher.Subcommand;

/**
 * Entry point of the {@code vrouter} command ({@code bin/vrouter}): the management-side {@code demo}, then
 * the router-side subcommands of the router distribution ({@link RouterMain#subcommands}: update-config,
 * vr-cfg, render, verify, version), dispatched by router-scripts' {@link CommandLine}, so both launchers
 * parse and answer alike. Exit status: 0 success, 1 rejected input, 2 failure while applying, 64 usage error.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        List<Subcommand> subcommands = new ArrayList<>();
        subcommands.add(new DemoCommand());
        subcommands.add(new BenchCommand(RouterMain.convergers(Clock.systemUTC()),
                "RouterConvergers.standard (addresses, firewall, dnsmasq, haproxy, ...); daemons started directly in the namespace"));
        subcommands.addAll(RouterMain.subcommands(Clock.systemUTC(), System.getenv()));
        System.exit(new CommandLine(subcommands).run(List.of(args), System.out, System.err));
    }
}
