package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;

/**
 * {@code vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]}: CloudStack's
 * {@code update_config.py}. Exit 0 converged, 1 rejected input (also a wrong number of arguments, as
 * CloudStack does), 2 apply failed, 64 unknown option. {@code DEFER_CONFIG} in the environment defers
 * DHCP and metadata converges, as for CloudStack's batch runner.
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
            if (options.positional().isEmpty() || options.positional().size() > 2) {
                err.println("usage: vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]");
                return PipelineResult.Status.REJECTED.exitCode();
            }
            Host host = wiring.host(options);
            List<String> pipelineArgs = new ArrayList<>(options.positional());
            pipelineArgs.set(0, InputLocator.name(InputLocator.locate(host, pipelineArgs.get(0), true)));
            String defer = environment.getOrDefault("DEFER_CONFIG", "");
            UpdateConfig updateConfig = new UpdateConfig(host, wiring.converger(options, host), new PayloadCodec(),
                    PipelineOptions.defaults().withDeferConfig(!defer.isEmpty()));
            return report(updateConfig.run(pipelineArgs), err);
        }
        catch (UsageException e) {
            err.println("vrouter update-config: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
    }

    /** Warnings, then the one-line reason of a non-zero status, on stderr. */
    static int report(PipelineResult result, PrintStream err) {
        result.warnings().forEach(warning -> err.println("warning: " + warning));
        if (!result.message().isEmpty()) {
            err.println(result.message());
        }
        return result.exitCode();
    }
}
