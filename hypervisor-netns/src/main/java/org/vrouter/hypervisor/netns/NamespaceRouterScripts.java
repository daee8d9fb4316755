package org.vrouter.hypervisor.netns;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.router.launcher.CommandLine;
import org.vrouter.router.launcher.RouterMain;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.pipeline.VrCfg;
import org.vrouter.router.redundancy.RedundancyTransition;

/**
 * The entry points of a namespace router, run in this process on the router's
 * {@link NetnsRouter#host()} (files under its root, programs inside its namespace):
 * {@code update_config.py <file> [false]} and {@code vr_cfg.sh -c <batch>} through the real
 * router-scripts pipeline with the router's converger; {@code checkrouter.sh} answered from the
 * state the router's last VRRP transition recorded (router-scripts' {@code RedundancyTransition}), or
 * from the boot argument {@code redundant_state} before any; {@code get_template_version.sh}
 * with this backend's versions; {@code netusage.sh} and {@code vpc_netusage.sh} through the router
 * launcher's {@code vrouter netusage} and {@code vpc-netusage} in the router's namespace, as the router
 * distribution's scripts run them. Anything else exits 127, as a shell does for a command it cannot
 * find. With the socket {@link RouterLifecycle} serves for each running router, this is the part of
 * {@code vrouterd} the architecture gives the managing process. Stateless.
 */
final class NamespaceRouterScripts {
    static final String CHECK_ROUTER = "checkrouter.sh";
    static final String TEMPLATE_VERSION = "get_template_version.sh";
    static final String NETWORK_USAGE = "netusage.sh";
    static final String VPC_NETWORK_USAGE = "vpc_netusage.sh";
    static final int NOT_FOUND = 127;
    private static final Logger log = LoggerFactory.getLogger(NamespaceRouterScripts.class);

    private final PipelineOptions options;
    private final PayloadCodec payloads = new PayloadCodec();
    private final String versionLine;

    /** @param versionLine what {@code get_template_version.sh} prints: {@code <template version>&<scripts version>} */
    NamespaceRouterScripts(PipelineOptions options, String versionLine) {
        this.options = requireNonNull(options, "options is null");
        this.versionLine = requireNonNull(versionLine, "versionLine is null");
    }

    /** The pipeline options every entry point of these routers runs with (the router's daemon too). */
    PipelineOptions options() {
        return options;
    }

    /** Runs {@code commandLine} on {@code router} and returns how it ended; records the outcome on the router. */
    ExecutionResult run(NetnsRouter router, String commandLine) {
        ExecutionResult result = dispatch(router, commandLine);
        String summary = commandLine.strip() + " exited " + result.exitStatus();
        router.recordRun(summary);
        if (result.succeeded()) {
            log.debug("router {}: {}", router.name(), summary);
        }
        else {
            log.info("router {}: {}: {}", router.name(), summary, result.stderr().strip());
        }
        return result;
    }

    private ExecutionResult dispatch(NetnsRouter router, String commandLine) {
        ScriptConfigItem script;
        try {
            script = ScriptConfigItem.parse(commandLine);
        }
        catch (InvalidParameterException e) {
            return notFound(commandLine.strip());
        }
        List<String> args = script.args();
        return switch (script.script()) {
            case ScriptConfigItem.UPDATE_CONFIG -> exit(new UpdateConfig(router.host(), router.converger(), payloads, options).run(args));
            case ScriptConfigItem.VR_CFG -> args.size() == 2 && args.get(0).equals("-c")
                    ? exit(new VrCfg(router.host(), router.converger(), payloads, options).run(args.get(1)))
                    : new ExecutionResult(1, "", "usage: vr_cfg.sh -c <file>\n");
            case CHECK_ROUTER -> new ExecutionResult(0, "Status: " + redundantState(router).name() + "\n", "");
            case TEMPLATE_VERSION -> new ExecutionResult(0, versionLine + "\n", "");
            case NETWORK_USAGE -> launch(router, "netusage", args);
            case VPC_NETWORK_USAGE -> launch(router, "vpc-netusage", args);
            default -> notFound(script.commandLine());
        };
    }

    private static RedundantState redundantState(NetnsRouter router) {
        try {
            RedundantState recorded = RedundancyTransition.recorded(router.host());
            if (recorded != RedundantState.UNKNOWN) {
                return recorded;
            }
        }
        catch (IOException e) {
            log.warn("router {}: cannot read its recorded VRRP state: {}", router.name(), e.getMessage());
            return RedundantState.UNKNOWN;
        }
        return router.vm().flatMap(vm -> vm.bootArg("redundant_state"))
                .map(state -> {
                    try {
                        return RedundantState.fromWireName("redundant_state", state);
                    }
                    catch (InvalidParameterException e) {
                        return RedundantState.UNKNOWN;
                    }
                })
                .orElse(RedundantState.UNKNOWN);
    }

    /** Runs {@code vrouter <subcommand> --root <root> --netns <namespace> -- <args>} in this process. */
    private static ExecutionResult launch(NetnsRouter router, String subcommand, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(subcommand, "--root", router.host().resolve("/").toString(), "--netns",
                router.host().namespace(), "--"));
        argv.addAll(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(RouterMain.subcommands(Clock.systemUTC(), Map.of())).run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ExecutionResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The pipeline's exit status and stderr, exactly as the command line and vrouterd report them. */
    private static ExecutionResult exit(PipelineResult result) {
        EntryOutcome outcome = EntryOutcome.of(result);
        return new ExecutionResult(outcome.exitCode(), "", outcome.stderrText());
    }

    private static ExecutionResult notFound(String commandLine) {
        return new ExecutionResult(NOT_FOUND, "", commandLine.split("\\s+", 2)[0] + ": not available on a namespace router (command not found)\n");
    }
}
