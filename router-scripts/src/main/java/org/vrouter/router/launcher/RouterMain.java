package org.vrouter.router.launcher;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.vrouter.router.converge.Converger;
import org.vrouter.router.host.Host;

/**
 * Entry point of the router distribution's {@code /opt/vrouter/bin/vrouter}: the router-side subcommands
 * ({@code update-config}, {@code vr-cfg}, {@code render}, {@code verify}, {@code redundancy-state}, {@code netusage}, {@code version}, ...) over the real
 * wiring ({@link RouterWiring#standard}). {@code /opt/cloud/bin/update_config.py} and {@code vr_cfg.sh} run
 * it; the cli module's {@code vrouter} offers the same subcommands through {@link #subcommands}. Depends on
 * nothing outside router-scripts and its dependencies, so it runs alone on a router.
 */
public final class RouterMain {
    private RouterMain() {}

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(subcommands(Clock.systemUTC(), System.getenv()));
        System.exit(commandLine.run(List.of(args), System.out, System.err));
    }

    /**
     * The router-side subcommands with the real wiring, in usage order.
     *
     * @param environment the process environment ({@code update-config} reads {@code DEFER_CONFIG})
     */
    public static List<Subcommand> subcommands(Clock clock, Map<String, String> environment) {
        RouterWiring router = RouterWiring.standard(clock);
        return List.of(new UpdateConfigCommand(environment, router), new VrCfgCommand(router), new RenderCommand(router),
                new VerifyCommand(router), new VrouterdCommand("vrouterd", router), new VrouterdCommand("daemon", router),
                new MetadataServerCommand(), new SiteToSiteStatusCommand(router), new RedundancyStateCommand(router),
                NetworkUsageSubcommand.isolated(router), NetworkUsageSubcommand.vpc(router), new VersionCommand());
    }

    /** The standard converger for a host, wired as the router-side subcommands wire it (for tools such as the benchmark). */
    public static Function<Host, Converger> convergers(Clock clock) {
        RouterWiring router = RouterWiring.standard(clock);
        return host -> router.converger(RouterOptions.describing(host), host);
    }
}
