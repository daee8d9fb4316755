package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.EntryPoints;

/**
 * {@code vrouter vr-cfg [--root DIR] [--netns NAME] [--dry-run] -c FILE}: CloudStack's {@code vr_cfg.sh},
 * one batch merged and converged once, one shot. Exit 0 converged, 1 rejected batch (nothing changed),
 * 2 apply failed, 64 usage error. What runs is {@link EntryPoints#vrCfg}, which {@code vrouterd} runs too.
 */
final class VrCfgCommand implements Subcommand {
    private final RouterWiring wiring;

    VrCfgCommand(RouterWiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return "vr-cfg";
    }

    @Override
    public String summary() {
        return "run a CloudStack batch file and converge once (vr_cfg.sh -c)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        try {
            RouterOptions options = RouterOptions.parse(args, true);
            if (options.batch().isEmpty() || !options.positional().isEmpty()) {
                throw new UsageException(EntryPoints.VR_CFG_USAGE);
            }
            Host host = wiring.host(options);
            return UpdateConfigCommand.report(EntryPoints.oneShot(host, wiring.converger(options, host)).vrCfg(options.batch().get()), err);
        }
        catch (UsageException e) {
            err.println("vrouter vr-cfg: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
    }
}
