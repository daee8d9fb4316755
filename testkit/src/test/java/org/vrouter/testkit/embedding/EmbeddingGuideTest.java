package org.vrouter.testkit.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.health.HealthCheckSettings;
import org.vrouter.core.health.RouterHealthChecker;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

/**
 * The example of {@code docs/embedding.md}: a host controller wiring vrouter with constructors and
 * running one network. The code between the markers in {@link #embed} is the document's code block,
 * compiled and run here; {@code -Dvrouter.golden.update=true} copies it into the document.
 */
class EmbeddingGuideTest {
    private static final String DOC = "docs/embedding.md";
    private static final String SOURCE = "testkit/src/test/java/org/vrouter/testkit/embedding/EmbeddingGuideTest.java";
    private static final String SNIPPET_BEGIN = "// BEGIN embedding.md";
    private static final String SNIPPET_END = "// END embedding.md";
    private static final String DOC_BEGIN = "<!-- BEGIN GENERATED: the code between the markers of " + SOURCE + " -->";
    private static final String DOC_END = "<!-- END GENERATED -->";

    @TempDir
    Path workDirectory;

    /** The document's example, verbatim: keep it short, and change the document by changing it. */
    private static void embed(Path workDirectory) {
        // BEGIN embedding.md
        // What the controller owns, mapped to vrouter's api types (here: testkit fixtures).
        TestCloud cloud = TestCloud.advanced();
        TestNetwork web = cloud.isolatedNetwork();
        NetworkConfigurationSource configurations = networkId -> {
            if (networkId != web.id()) {
                throw new ResourceUnavailableException("unknown network " + networkId);
            }
            return web.configuration(); // everything the network's routers must hold, read now
        };

        // The graph, wired with constructors.
        ExecutorService agentThreads = Executors.newFixedThreadPool(8);
        AgentManagerImpl agents = new AgentManagerImpl(agentThreads, Metrics.NOOP);
        agents.register(cloud.host().id(), SimulatorHypervisor.create(workDirectory)); // one HypervisorResource per host
        RouterDao dao = new InMemoryRouterDao(); // or the controller's own, persistent RouterDao
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(),
                helper.commandFactory());
        RouterManagerImpl manager = new RouterManagerImpl(dao, agents, guru, helper, configurations,
                new HostCandidates(List.of(cloud.destination())), Clock.systemUTC(),
                RouterManagerSettings.of(Map.of(HypervisorType.SIMULATOR, cloud.routerTemplate())));
        VirtualRouterElement element = new VirtualRouterElement(manager, configurations);
        ScheduledExecutorService healthThreads = Executors.newScheduledThreadPool(2);
        RouterHealthChecker health = new RouterHealthChecker(dao, agents, manager, healthThreads, Clock.systemUTC(), Metrics.NOOP,
                HealthCheckSettings.defaults());
        health.start();

        // One network end to end: the controller records each change, then tells the element.
        Network network = web.network();
        element.implement(network, network.offering(), cloud.destination()); // deploys and starts the router
        VirtualMachineProfile vm = web.addVm("web-1");
        element.prepare(network, vm.nicIn(network.id()).orElseThrow(), vm, cloud.destination()); // DHCP entry, VM data
        web.withPortForward(8022, vm, 22);
        element.applyPortForwardingRules(network, web.portForwardingRules());

        // Shutting down: the executors are the controller's.
        health.close();
        healthThreads.shutdown();
        agentThreads.shutdown();
        // END embedding.md
    }

    @Test
    void theExampleDeploysARouterThatForwardsThePort() throws IOException {
        embed(workDirectory);

        Path router = workDirectory.resolve("r-1-VM");
        assertThat(Files.readString(router.resolve("etc/dhcphosts.txt"))).contains("10.1.1.10,web-1");
        assertThat(Files.readString(router.resolve("etc/iptables/rules.v4")))
                .contains("-A PREROUTING -d 203.0.113.10/32 -p tcp -m tcp --dport 8022 -j DNAT --to-destination 10.1.1.10:22");
    }

    @Test
    void theDocumentShowsTheExampleVerbatim() throws IOException {
        String source = Files.readString(GoldenFiles.repositoryRoot().resolve(SOURCE), StandardCharsets.UTF_8);
        GoldenFiles.assertGeneratedSection(DOC, DOC_BEGIN, DOC_END, "\n```java\n" + snippet(source) + "```\n");
    }

    /** The lines between the marker lines, without the method body's indentation. */
    private static String snippet(String source) {
        List<String> all = source.lines().toList();
        List<String> lines = all.subList(markerLine(all, SNIPPET_BEGIN) + 1, markerLine(all, SNIPPET_END));
        int indent = lines.stream().filter(line -> !line.isBlank()).mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static int markerLine(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException(SOURCE + " has no line " + marker);
    }
}
