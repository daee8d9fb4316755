package org.vrouter.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.router.databag.Site2SiteVpnBag;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.pipeline.VrCfg;
import org.vrouter.router.vpn.SiteToSiteStatus;

/**
 * The entry points of a simulated router, run in-process: {@code update_config.py <file> [false]}
 * and {@code vr_cfg.sh -c <batch>} through the real router-scripts pipeline on the router's host;
 * {@code checkrouter.sh} and {@code get_template_version.sh} answered from the router's state;
 * {@code netusage.sh}/{@code vpc_netusage.sh} report zero bytes; {@code checkbatchs2svpn.sh} reports
 * the peers of the router's {@code site2sitevpn} databag connected (a simulated tunnel comes up at
 * once) and any other peer without an IKE SA, in {@code vrouter s2s-status}'s format.
 * Anything else exits 127, as a shell does for a command it cannot find, so a test learns at once
 * that the simulator lacks a script. Each run is recorded on the router. Stateless.
 */
final class RouterScripts {
    static final String CHECK_ROUTER = "checkrouter.sh";
    static final String TEMPLATE_VERSION = "get_template_version.sh";
    static final String NETWORK_USAGE = "netusage.sh";
    static final String VPC_NETWORK_USAGE = "vpc_netusage.sh";
    static final String S2S_VPN_CHECK = "checkbatchs2svpn.sh";
    static final int NOT_FOUND = 127;

    private final PipelineOptions options;
    private final PayloadCodec payloads = new PayloadCodec();
    private final String versionLine;

    /**
     * @param templateVersion what {@code get_template_version.sh} reports as the template's version
     * @param scriptsVersion what it reports as the scripts' version
     */
    RouterScripts(PipelineOptions options, String templateVersion, String scriptsVersion) {
        this.options = requireNonNull(options, "options is null");
        this.versionLine = requireNonNull(templateVersion, "templateVersion is null") + "&" + requireNonNull(scriptsVersion, "scriptsVersion is null");
    }

    /** Runs {@code commandLine} on {@code router}, records it there and returns how it ended. */
    ExecutionResult run(SimulatedRouter router, String commandLine) {
        ExecutionResult result = router.takeScriptFault().orElseGet(() -> dispatch(router, commandLine));
        router.recordRun(new ScriptRun(commandLine, result));
        return result;
    }

    private ExecutionResult dispatch(SimulatedRouter router, String commandLine) {
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
            case CHECK_ROUTER -> new ExecutionResult(0, "Status: " + router.redundantState().name() + "\n", "");
            case TEMPLATE_VERSION -> new ExecutionResult(0, versionLine + "\n", "");
            case NETWORK_USAGE, VPC_NETWORK_USAGE -> networkUsage(args);
            case S2S_VPN_CHECK -> siteToSiteStatus(router, args);
            default -> notFound(script.commandLine());
        };
    }

    /** A simulated router moves no packets: {@code -g} reports zero bytes sent and received, {@code -c}/{@code -r} print nothing. */
    private static ExecutionResult networkUsage(List<String> args) {
        return new ExecutionResult(0, !args.isEmpty() && args.get(0).equals("-g") ? "0:0:\n" : "", "");
    }

    /**
     * {@code checkbatchs2svpn.sh <peer>...} (or CloudStack's one space-separated argument): each
     * peer configured in the databag is up, any other has no IKE SA; exit 64 for a peer that is not
     * an IPv4 address, as {@code vrouter s2s-status}.
     */
    private static ExecutionResult siteToSiteStatus(SimulatedRouter router, List<String> args) {
        List<IpAddress> peers = new ArrayList<>();
        try {
            for (String arg : args) {
                for (String word : arg.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        peers.add(IpAddress.parse("peer", word).requireIpv4("peer"));
                    }
                }
            }
        }
        catch (InvalidParameterException e) {
            return new ExecutionResult(64, "", "vrouter s2s-status: " + e.getMessage() + "\n");
        }
        if (peers.isEmpty()) {
            return new ExecutionResult(64, "", "usage: vrouter s2s-status [--root DIR] [--netns NAME] PEER...\n");
        }
        Site2SiteVpnBag configured = router.databags().site2SiteVpn();
        List<String> entries = new ArrayList<>();
        for (IpAddress peer : peers) {
            entries.add(configured.get(peer).isPresent() ? peer + ":" + SiteToSiteStatus.CONNECTED + ":IKE SA established, IPsec SA installed"
                    : peer + ":" + SiteToSiteStatus.NO_IKE_SA + ":no IKE SA established");
        }
        return new ExecutionResult(0, String.join("&", entries) + "\n", "");
    }

    /** The pipeline's exit status and stderr, exactly as the command line and vrouterd report them. */
    private static ExecutionResult exit(PipelineResult result) {
        EntryOutcome outcome = EntryOutcome.of(result);
        return new ExecutionResult(outcome.exitCode(), "", outcome.stderrText());
    }

    private static ExecutionResult notFound(String commandLine) {
        return new ExecutionResult(NOT_FOUND, "", commandLine.split("\\s+", 2)[0] + ": not simulated (command not found)\n");
    }
}
