package org.vrouter.cli.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.vrouter.api.error.VrouterException;
import org.vrouter.router.launcher.Subcommand;
import org.vrouter.testkit.agent.RecordedCommand;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.embedding.ScenarioStep;
import org.vrouter.testkit.embedding.SimulatedVrouter;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.simulator.SimulatedRouter;

/**
 * {@code vrouter demo}: wires the library as an embedding controller does ({@link SimulatedVrouter}:
 * element, router manager, guru, agent manager, the simulator as the host's hypervisor) and runs
 * {@link IsolatedNetworkScenario} through the element: an isolated network's router, three VMs, a
 * firewall rule, a port forward, a static NAT and a load balancer. It reports each step with the
 * commands sent for it, then the key lines of what the router rendered. Needs no root: the
 * simulator's routers are directories under {@code --out} and run no program. With
 * {@code --backend netns} the same scenario runs on real namespace routers ({@link NetnsDemo}),
 * which needs root: without it the command says so and exits {@value #EXIT_USAGE}.
 */
public final class DemoCommand implements Subcommand {
    /** Exit status of a demo that cannot run here: the netns backend without root. */
    static final int EXIT_USAGE = 64;

    private final BooleanSupplier root;

    /** The command, checking for root through {@code /proc/self}. */
    public DemoCommand() {
        this(DemoCommand::isRoot);
    }

    /** The command with {@code root} telling whether the process runs as root (tests). */
    DemoCommand(BooleanSupplier root) {
        this.root = requireNonNull(root, "root is null");
    }
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "drive one isolated network's router end to end on the simulator and show commands and rendered configs";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        DemoOptions options = DemoOptions.parse(args);
        if (options.isNetns()) {
            if (!root.getAsBoolean()) {
                err.println("vrouter demo --backend netns needs root on Linux: it creates network namespaces, veths and bridges, and runs "
                        + "dnsmasq, haproxy and iptables in them (run it with sudo, or use --backend simulator, which needs none)");
                return EXIT_USAGE;
            }
            return new NetnsDemo(out, options.names()).run(options.workDirectory());
        }
        Path workDirectory = options.workDirectory().orElse(Files.createTempDirectory("vrouter-demo-"));
        DemoReport report = new DemoReport(out);
        try (SimulatedVrouter vrouter = SimulatedVrouter.start(TestCloud.advanced(), workDirectory)) {
            IsolatedNetworkScenario scenario = new IsolatedNetworkScenario(vrouter);
            report.header(options.backend(), workDirectory);
            List<ScenarioStep> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                ScenarioStep step = steps.get(i);
                report.step(i + 1, steps.size(), step.title());
                int before = vrouter.agents().recorded().size();
                try {
                    report.outcome(step.run());
                }
                catch (VrouterException e) {
                    // what the step sent, failed answers included, explains the failure Main reports
                    report.outcome("failed");
                    report.commands(sentSince(vrouter, before));
                    throw e;
                }
                report.commands(sentSince(vrouter, before));
            }
            SimulatedRouter router = vrouter.simulated(vrouter.router(scenario.network()));
            report.rendered(router);
            report.footer(vrouter.agents().recorded(), router);
        }
        return 0;
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective user
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<RecordedCommand> sentSince(SimulatedVrouter vrouter, int count) {
        List<RecordedCommand> recorded = vrouter.agents().recorded();
        return recorded.subList(count, recorded.size());
    }
}
