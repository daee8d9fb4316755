package org.vrouter.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * simulator's routers are directories under {@code --out} and run no program.
 */
public final class DemoCommand implements Subcommand {
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

    private static List<RecordedCommand> sentSince(SimulatedVrouter vrouter, int count) {
        List<RecordedCommand> recorded = vrouter.agents().recorded();
        return recorded.subList(count, recorded.size());
    }
}
