package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.core.health.HealthReport;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * A router's namespace deleted and made again, through the public API: the router manager's
 * restart, and the manager-side health checker noticing a namespace deleted behind the hypervisor's
 * back and restarting the router. Each time every behaviour of {@link IsolatedNetworkScenario} must
 * come back from the network's configuration alone: each VM's DHCP lease (a renewal from scratch),
 * DNS names, source NAT, the port forward, both load-balancer backends. One router for the class,
 * from {@link RunningScenario}; the tests run in order.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(90)
class NetnsLifecycleTest {
    private static final int EGRESS_PORT = 9000;
    private static final String MARKER = "127.0.0.99/32";

    private final IpTool ip = IpTool.system();
    private RunningScenario running;
    private NetnsVrouter vrouter;
    private TestNetwork network;

    @BeforeAll
    void runTheScenario() throws IOException {
        running = RunningScenario.start("vl");
        vrouter = running.vrouter();
        network = running.network();
        network.withEgressRule(Protocol.TCP, PortRange.of(EGRESS_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        running.keep(GuestProbes.httpResponder(running.guest("vm-3"), IsolatedNetworkScenario.SSH_PORT, "vm-3"));
    }

    @AfterAll
    void deleteEverything() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    @Test
    @Order(1)
    void theRouterWorksBeforeAnyRestart() throws IOException {
        assertEveryBehaviour("before any restart");
    }

    @Test
    @Order(2)
    void aRestartByTheManagerMakesANewNamespaceAndBringsEveryBehaviourBack() throws IOException {
        DomainRouter router = running.router();
        String namespace = vrouter.netns(router).namespace();
        // an address only this namespace has: the kernel may give a new namespace the old one's inode
        ip.in(namespace, "address", "add", MARKER, "dev", "lo");

        DomainRouter restarted = vrouter.manager().restart(router.id());

        assertThat(restarted.state()).isEqualTo(RouterState.RUNNING);
        assertThat(ip.namespaceExists(namespace)).isTrue();
        assertThat(ip.in(namespace, "-o", "address", "show", "dev", "lo").stdout()).as("the namespace was made again").contains("127.0.0.1")
                .doesNotContain(MARKER);
        assertEveryBehaviour("after the manager's restart");
    }

    @Test
    @Order(3)
    void theHealthCheckerRestartsARouterWhoseNamespaceWasDeletedBehindItsBack() throws IOException {
        DomainRouter router = running.router();
        String namespace = vrouter.netns(router).namespace();
        ip.deleteNamespace(namespace);
        CheckVirtualMachineAnswer check = (CheckVirtualMachineAnswer) vrouter.hypervisor().execute(
                new CheckVirtualMachineCommand(router.instanceName()));
        assertThat(check.state()).as("what the hypervisor reports").isEqualTo(PowerState.MISSING);

        vrouter.healthChecker().checkNow();

        HealthReport report = vrouter.healthChecker().report(router.id()).orElseThrow();
        assertThat(report.restarts()).as(report.toString()).isEqualTo(1);
        assertThat(report.state()).as(report.toString()).isEqualTo(RouterState.RUNNING);
        assertThat(ip.namespaceExists(namespace)).isTrue();
        assertEveryBehaviour("after the health checker's restart");
    }

    /** Every guest renews its lease first: the new dnsmasq knows none of the old ones. */
    private void assertEveryBehaviour(String when) throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (VirtualMachineProfile vm : network.vms()) {
            String name = vm.vm().hostName();
            DhcpLease lease = running.guest(name).requestLease(RunningScenario.LEASE_WAIT);
            softly.assertThat(lease.address().address()).as("%s: %s's lease", when, name).isEqualTo(network.ipOf(vm));
            softly.assertThat(lease.gateway()).as("%s: %s's gateway", when, name).contains(network.gateway());
        }
        softly.assertThat(GuestProbes.digA(running.guest("vm-1"), network.gateway(), "vm-2")).as("%s: DNS", when)
                .containsExactly(network.ipOf(network.vm(1)).value());
        softly.assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, running.guest("vm-3"), TestCloud.PUBLIC_GATEWAY))
                .as("%s: source NAT", when).contains(network.sourceNatIp().address().value());
        softly.assertThat(GuestProbes.httpGet(vrouter.publicClient(), network.sourceNatIp().address(), IsolatedNetworkScenario.FORWARDED_PORT))
                .as("%s: port forward", when).contains("vm-3");
        softly.assertThat(loadBalancerAnswers()).as("%s: load balancer", when).containsExactlyInAnyOrder("vm-1", "vm-2");
        softly.assertAll();
    }

    /** Two requests to the round-robin balancer; the first waits (bounded) for haproxy to listen after a start. */
    private List<String> loadBalancerAnswers() throws IOException {
        IpAddress address = network.loadBalancingRules().get(0).publicIp();
        Instant deadline = Instant.now().plus(GuestProbes.CLIENT_LIMIT);
        Optional<String> first = GuestProbes.httpGet(vrouter.publicClient(), address, IsolatedNetworkScenario.LB_PORT);
        while (first.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            first = GuestProbes.httpGet(vrouter.publicClient(), address, IsolatedNetworkScenario.LB_PORT);
        }
        List<String> answers = new ArrayList<>();
        answers.add(first.orElse("no answer"));
        answers.add(GuestProbes.httpGet(vrouter.publicClient(), address, IsolatedNetworkScenario.LB_PORT).orElse("no answer"));
        return answers;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
