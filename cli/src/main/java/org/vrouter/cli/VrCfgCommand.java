package org.vrouter.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.VrCfg;

/**
 * {@code vrouter vr-cfg [--root DIR] [--netns NAME] [--dry-run] -c FILE}: CloudStack's {@code vr_cfg.sh},
 * one batch merged and converged once. Exit 0 converged, 1 rejected batch (nothing changed), 2 apply
 * failed, 64 usage error.
 */
final class VrCfgCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter vr-cfg [--root DIR] [--netns NAME] [--dry-run] -c FILE";

    private final Function<Host, Converger> convergers;

    VrCfgCommand(Function<Host, Converger> convergers) {
        this.convergers = requireNonNull(convergers, "convergers is null");
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
                throw new UsageException(USAGE);
            }
            Host host = options.host();
            String batch = InputLocator.locate(host, options.batch().get(), false);
            VrCfg vrCfg = new VrCfg(host, convergers.apply(host), new PayloadCodec(), PipelineOptions.defaults());
            return UpdateConfigCommand.report(vrCfg.run(batch), err);
        }
        catch (UsageException e) {
            err.println("vrouter vr-cfg: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
    }
}
