package org.vrouter.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.command.Answer;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.testkit.agent.RecordedCommand;
import org.vrouter.testkit.simulator.SimulatedRouter;

/**
 * Prints the demo's progress and findings as short, readable lines, flushed as they come: each step
 * and its outcome, the commands sent for it ({@link WireForm}), then the key lines of the router's
 * dnsmasq hosts, haproxy listen sections and iptables NAT and firewall rules.
 */
final class DemoReport {
    static final String DHCP_HOSTS = "/etc/dhcphosts.txt";
    static final String HAPROXY = "/etc/haproxy/haproxy.cfg";
    static final String RULES = "/etc/iptables/rules.v4";

    private final PrintStream out;

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void header(String backend, Path workDirectory) {
        out.println("vrouter demo: one isolated network driven through the VirtualRouterElement, as a cloud controller");
        out.println("drives it, down to the files its virtual router renders.");
        out.printf("  backend %s: routers are directories under %s%n", backend, workDirectory);
        out.println();
        out.flush();
    }

    void step(int number, int total, String title) {
        out.printf("[%d/%d] %s ... ", number, total, title);
        out.flush();
    }

    void outcome(String outcome) {
        out.println(outcome);
        out.flush();
    }

    /** One line per command; those inside an aggregated batch indented under its Start. */
    void commands(List<RecordedCommand> recorded) {
        boolean inBatch = false;
        for (RecordedCommand command : recorded) {
            boolean finish = command.command() instanceof AggregationControlCommand control
                    && control.action() == AggregationControlCommand.Action.FINISH;
            String indent = inBatch && !finish ? "        " : "      ";
            String result = command.succeeded() ? "" : "  FAILED: " + command.answer().map(Answer::details).or(command::error).orElse("no answer").strip().replace('\n', ' ');
            out.printf("%s%-30s -> %s%s%n", indent, command.command().getClass().getSimpleName(), WireForm.of(command.command()), result);
            if (command.command() instanceof AggregationControlCommand) {
                inBatch = !finish;
            }
        }
        out.flush();
    }

    void rendered(SimulatedRouter router) {
        out.println();
        out.printf("What router %s rendered (under %s):%n", router.name(), router.root());
        section(DHCP_HOSTS, "dnsmasq: one line per VM", router.file(DHCP_HOSTS).lines().toList());
        section(HAPROXY, "haproxy: the load balancer's listen section", listenSections(router.file(HAPROXY)));
        section(RULES, "iptables: NAT and the firewall's rules", natAndFirewallLines(router.file(RULES)));
        out.flush();
    }

    void footer(List<RecordedCommand> recorded, SimulatedRouter router) {
        long failed = recorded.stream().filter(command -> !command.succeeded()).count();
        out.println();
        out.printf("Done: %d commands sent, %s.%n", recorded.size(), failed == 0 ? "every one answered ok" : failed + " failed");
        out.printf("The router's databags are in %s, the programs it would have run in %s.%n",
                router.root().resolve("etc/cloudstack"), router.root().resolve(DryRunHost.LOG_PATH.substring(1)));
        out.flush();
    }

    private void section(String path, String title, List<String> lines) {
        out.println();
        out.printf("  %s (%s)%n", path, title);
        lines.forEach(line -> out.println("    " + line.replace("\t", "    ")));
    }

    /** The listen sections of the rules, without haproxy's own statistics section. */
    static List<String> listenSections(String haproxyConfig) {
        List<String> lines = new ArrayList<>();
        boolean inListen = false;
        for (String line : haproxyConfig.lines().toList()) {
            if (!line.startsWith("\t") && !line.isBlank()) {
                inListen = line.startsWith("listen ") && !line.startsWith("listen stats");
            }
            if (inListen && !line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The DNAT and SNAT rules, and the rules of the per-address firewall chains (without their connection-tracking preamble). */
    static List<String> natAndFirewallLines(String rules) {
        return rules.lines()
                .filter(line -> line.contains("-j DNAT") || line.contains("-j SNAT")
                        || line.startsWith("-A FIREWALL_") && !line.contains("RELATED,ESTABLISHED"))
                .toList();
    }
}
