package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.core.health.HealthReport;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The router's services beyond the basic scenario, then its life, with real packets and through the
 * public API. Services: a leastconn load balancer that follows open connections; a VM's user data,
 * metadata and one-time password over HTTP from the router's metadata server; removed NAT rules (a
 * port forward, a static NAT) cutting the connections they already carried, not only new ones.
 * Life: the router manager's restart, then the manager-side health checker noticing a namespace
 * deleted behind the hypervisor's back; each makes the namespace anew, and every behaviour of the
 * scenario must come back from the network's configuration alone. One router for the class (from
 * {@link RunningScenario}: a start takes seconds), so the tests run in order, those that remove
 * rules after the others and the restarts last. Everything is deleted in {@link #deleteEverything()}.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(90)
class NetnsServicesTest {
    /** How long a line may take to cross a connection that should be cut before we call it cut. */
    private static final Duration CUT_WAIT = Duration.ofSeconds(1);
    private static final int LEASTCONN_PORT = 81;
    private static final int HELD_PUBLIC_PORT = 2300;
    private static final int HELD_VM_PORT = 7000;
    private static final int HELD_NAT_PORT = 7001;
    private static final String USER_DATA = "#cloud-config\nruncmd:\n  - echo vrouter\n";
    private static final String PASSWORD = "Pa55-word-vm4";

    /** An address only the router's namespace has: the kernel may give a new namespace the old one's inode. */
    private static final String MARKER = "127.0.0.99/32";

    private final IpTool ip = IpTool.system();
    private RunningScenario running;
    private NetnsVrouter vrouter;
    private TestNetwork network;

    @BeforeAll
    void runTheScenario() throws IOException {
        running = RunningScenario.start("vs");
        vrouter = running.vrouter();
        network = running.network();
    }

    @AfterAll
    void deleteEverything() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    @Test
    @Order(1)
    void aLeastconnBalancerSendsNewConnectionsAwayFromTheBackendHoldingOne() throws IOException {
        PublicIpAddress address = network.addPublicIp();
        network.withLoadBalancer(address, LEASTCONN_PORT, IsolatedNetworkScenario.BACKEND_PORT, List.of(network.vm(0), network.vm(1)),
                LbAlgorithm.LEAST_CONN);
        vrouter.element().applyIps(network.network(), network.publicIps(), Set.of(Service.LB));
        network.withIngressRule(address, PortRange.of(LEASTCONN_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        vrouter.element().applyLoadBalancingRules(network.network(), network.loadBalancingRules());

        // haproxy's reload is asynchronous: the new listener is up once it answers
        assertThat(running.awaitAnswer(address.address(), LEASTCONN_PORT)).as("the new balancer answers").isPresent();
        // in tcp mode haproxy connects to a backend as soon as the client connects, and the backend keeps it open
        try (GuestProcess held = GuestProcess.start(vrouter.publicClient(), "nc", "-n", address.address().value(),
                Integer.toString(LEASTCONN_PORT))) {
            String holder = awaitHolder(held);
            String other = holder.equals("vm-1") ? "vm-2" : "vm-1";
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(GuestProbes.httpGet(vrouter.publicClient(), address.address(), LEASTCONN_PORT).orElse("no answer"));
            }

            assertThat(answers).as("%s holds a connection", holder).containsOnly(other);
        }
    }

    /**
     * The backend (vm-1 or vm-2) that got the held connection: the one holding an established
     * connection in two polls in a row (haproxy's health checks open and close connections too).
     */
    private String awaitHolder(GuestProcess held) throws IOException {
        Instant deadline = Instant.now().plus(GuestProbes.CLIENT_LIMIT);
        String seen = "";
        while (Instant.now().isBefore(deadline)) {
            String holding = "";
            for (String backend : List.of("vm-1", "vm-2")) {
                if (GuestProbes.establishedOn(running.guest(backend), IsolatedNetworkScenario.BACKEND_PORT) > 0) {
                    holding = holding.isEmpty() ? backend : "both";
                }
            }
            if (!holding.isEmpty() && !holding.equals("both") && holding.equals(seen)) {
                return holding;
            }
            seen = holding;
            RunningScenario.pause();
        }
        throw new AssertionError("the held connection reached no backend within " + GuestProbes.CLIENT_LIMIT + "; client: " + held.output());
    }

    @Test
    @Order(2)
    void aVmFetchesItsUserDataAndMetadataFromTheRouter() throws IOException {
        GuestVm vm4 = startVmWithSecrets();
        String base = "http://" + network.gateway().value() + "/latest/";

        assertThat(GuestProbes.fetch(vm4, base + "user-data")).contains(USER_DATA);
        assertThat(GuestProbes.fetch(vm4, base + "meta-data/local-hostname").map(String::strip)).contains("vm-4");
        assertThat(GuestProbes.fetch(vm4, base + "meta-data/local-ipv4").map(String::strip))
                .contains(network.ipOf(network.vm("vm-4")).value());
        assertThat(GuestProbes.fetch(running.guest("vm-1"), base + "user-data")).as("another VM's user data").isEmpty();
    }

    @Test
    @Order(3)
    void theRouterServesAVmItsPasswordOnceThenSavedPassword() throws IOException {
        GuestVm vm4 = running.guest("vm-4");
        String server = "http://" + network.gateway().value() + ":8080/";

        assertThat(GuestProbes.fetch(running.guest("vm-1"), server, "DomU_Request: send_my_password")).as("a VM with no password")
                .contains("saved_password");
        assertThat(GuestProbes.fetch(vm4, server, "DomU_Request: send_my_password")).contains(PASSWORD);
        assertThat(GuestProbes.fetch(vm4, server, "DomU_Request: saved_password")).contains("saved_password");
        assertThat(GuestProbes.fetch(vm4, server, "DomU_Request: send_my_password")).as("asked again").contains("saved_password");
    }

    private GuestVm startVmWithSecrets() throws IOException {
        VirtualMachineProfile vm = network.addVm("vm-4");
        String encoded = Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8));
        VirtualMachineProfile withSecrets = vm.withSecrets(Optional.of(Secret.of(PASSWORD)), Optional.of(Secret.of(encoded)), Optional.empty());
        vrouter.element().prepare(network.network(), withSecrets.nicIn(network.id()).orElseThrow(), withSecrets, vrouter.cloud().destination());
        return running.plug(vm);
    }

    @Test
    @Order(100)
    void removingAPortForwardCutsTheConnectionsItCarries() throws IOException {
        PublicIpAddress sourceNat = network.sourceNatIp();
        network.withIngressRule(sourceNat, PortRange.of(HELD_PUBLIC_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        network.withPortForward(sourceNat, HELD_PUBLIC_PORT, network.vm(1), HELD_VM_PORT);
        vrouter.element().applyPortForwardingRules(network.network(), network.portForwardingRules());
        PortForwardingRule forward = network.portForwardingRules().get(network.portForwardingRules().size() - 1);

        try (HeldConnection connection = HeldConnection.open(running.guest("vm-2"), HELD_VM_PORT, vrouter.publicClient(), sourceNat.address(),
                HELD_PUBLIC_PORT)) {
            assertThat(connection.carries(GuestProbes.CLIENT_LIMIT)).as("before the removal").isTrue();

            vrouter.element().applyPortForwardingRules(network.network(), List.of(network.revokePortForward(forward)));

            assertThat(connection.carries(CUT_WAIT)).as("after the removal").isFalse();
        }
    }

    @Test
    @Order(101)
    void removingAStaticNatCutsItsConnectionsBothWays() throws IOException {
        StaticNat nat = network.staticNats().get(0);
        IpAddress publicIp = nat.publicIp();
        network.withIngressRule(network.publicIp(publicIp), PortRange.of(HELD_NAT_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        GuestVm vm1 = running.guest("vm-1");

        try (HeldConnection inbound = HeldConnection.open(vm1, HELD_NAT_PORT, vrouter.publicClient(), publicIp, HELD_NAT_PORT);
                HeldConnection outbound = HeldConnection.open(vrouter.publicClient(), RunningScenario.EGRESS_PORT, vm1, TestCloud.PUBLIC_GATEWAY, RunningScenario.EGRESS_PORT)) {
            assertThat(inbound.carries(GuestProbes.CLIENT_LIMIT)).as("inbound before the removal").isTrue();
            assertThat(outbound.carries(GuestProbes.CLIENT_LIMIT)).as("outbound before the removal").isTrue();

            vrouter.element().applyStaticNats(network.network(), List.of(network.revokeStaticNat(nat)));

            assertThat(inbound.carries(CUT_WAIT)).as("inbound after the removal").isFalse();
            assertThat(outbound.carries(CUT_WAIT)).as("outbound after the removal").isFalse();
        }
    }

    @Test
    @Order(200)
    void aRestartByTheManagerMakesANewNamespaceAndBringsEveryBehaviourBack() throws IOException {
        DomainRouter router = running.router();
        String namespace = vrouter.netns(router).namespace();
        ip.in(namespace, "address", "add", MARKER, "dev", "lo");

        DomainRouter restarted = vrouter.manager().restart(router.id());

        assertThat(restarted.state()).isEqualTo(RouterState.RUNNING);
        assertThat(ip.namespaceExists(namespace)).isTrue();
        assertThat(ip.in(namespace, "-o", "address", "show", "dev", "lo").stdout()).as("the namespace was made again").contains("127.0.0.1")
                .doesNotContain(MARKER);
        running.assertEveryBehaviour("after the manager's restart");
    }

    @Test
    @Order(201)
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
        running.assertEveryBehaviour("after the health checker's restart");
    }
}
