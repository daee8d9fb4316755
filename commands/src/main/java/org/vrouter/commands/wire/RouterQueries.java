package org.vrouter.commands.wire;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.GetRouterMonitorResultsCommand;
import org.vrouter.commands.NetworkUsageCommand;

/**
 * The script calls of the query commands (wire-format §10). The resource runs a query's calls in order,
 * stops at the first that fails (its output is the failure's details) and parses the output of the last.
 */
final class RouterQueries {
    static final String CHECK_ROUTER = "checkrouter.sh";
    static final String TEMPLATE_VERSION = "get_template_version.sh";
    static final String FILESYSTEM_WRITABLE_CHECK = "filesystem_writable_check.py";
    static final String MONITOR_RESULTS = "getRouterMonitorResults.sh";
    static final String S2S_VPN_CHECK = "checkbatchs2svpn.sh";
    static final String NETWORK_USAGE = "netusage.sh";
    static final String VPC_NETWORK_USAGE = "vpc_netusage.sh";

    private RouterQueries() {}

    /**
     * {@code filesystem_writable_check.py}, then, unless only the basic tests are asked for,
     * {@code getRouterMonitorResults.sh true|false} (true: run the checks now).
     */
    static List<ScriptConfigItem> monitorResults(GetRouterMonitorResultsCommand command) {
        List<ScriptConfigItem> calls = new ArrayList<>();
        calls.add(ScriptConfigItem.of(FILESYSTEM_WRITABLE_CHECK));
        if (!command.validateBasicTestsOnly()) {
            calls.add(ScriptConfigItem.of(MONITOR_RESULTS, Boolean.toString(command.performFreshChecks())));
        }
        return List.copyOf(calls);
    }

    /**
     * {@code checkbatchs2svpn.sh <peer> <peer>...}: one argument per peer. CloudStack passes the peers as one
     * space-separated string that the router's shell splits into the same arguments.
     */
    static List<ScriptConfigItem> siteToSiteConnections(CheckS2SVpnConnectionsCommand command) {
        return List.of(new ScriptConfigItem(S2S_VPN_CHECK, command.peerGatewayIps().stream().map(IpAddress::value).toList()));
    }

    /**
     * {@code netusage.sh -c|-g|-r}; a VPC router's {@code vpc_netusage.sh -c|-g|-r -l <public ip> [-v <vpc cidr>]}.
     * CloudStack's exact VPC flags are unverified (wire-format §10); vrouter's router side answers these.
     */
    static List<ScriptConfigItem> networkUsage(NetworkUsageCommand command) {
        if (!command.forVpc()) {
            return List.of(ScriptConfigItem.of(NETWORK_USAGE, command.option().flag()));
        }
        List<String> args = new ArrayList<>(List.of(command.option().flag(), "-l", command.publicIp().orElseThrow().value()));
        command.vpcCidr().ifPresent(cidr -> args.addAll(List.of("-v", cidr.toString())));
        return List.of(new ScriptConfigItem(VPC_NETWORK_USAGE, args));
    }
}
