package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The end-to-end suite: the demo's {@link IsolatedNetworkScenario} through the element, the router
 * manager, the agent manager and the netns hypervisor into a real namespace router, then traffic
 * between guest namespaces that got their addresses by DHCP and a public client: DNS, source NAT,
 * port forwarding, static NAT, load balancing, the firewall, and a revoked rule. One router for the
 * class (a start takes seconds); the test that changes it runs last. Everything is deleted in
 * {@link #deleteEverything()}, and the test checks no namespace of the run is left.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class NetnsVrouterTest {
    private static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    private static final int EGRESS_PORT = 9000;
    private static final int UNOPENED_PORT = 9090;
    private static final int UDP_PUBLIC_PORT = 5353;
    private static final int UDP_PRIVATE_PORT = 5000;

    private final IpTool ip = IpTool.system();
    private final Map<String, DhcpLease> leases = new HashMap<>();
    private final Map<String, GuestVm> guests = new HashMap<>();
    private final List<GuestProcess> servers = new ArrayList<>();
    private Path work;
    private NetnsNames names;
    private NetnsVrouter vrouter;
    private TestNetwork network;

    @BeforeAll
    void runTheScenario() throws IOException {
        RootTools.requireRootAndTools();
        work = Files.createTempDirectory("vrouter-e2e-");
        // dnsmasq drops root and must still read the routers' files
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("ve");
        vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        IsolatedNetworkScenario scenario = new IsolatedNetworkScenario(vrouter);
        scenario.run();
        network = scenario.network();
        network.withEgressRule(Protocol.TCP, PortRange.of(EGRESS_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        for (var vm : network.vms()) {
            GuestVm guest = vrouter.guest(network, vm);
            guests.put(vm.vm().hostName(), guest);
            leases.put(vm.vm().hostName(), guest.requestLease(LEASE_WAIT));
        }
        servers.add(GuestProbes.httpResponder(guests.get("vm-1"), IsolatedNetworkScenario.BACKEND_PORT, "vm-1"));
        servers.add(GuestProbes.httpResponder(guests.get("vm-2"), IsolatedNetworkScenario.BACKEND_PORT, "vm-2"));
        servers.add(GuestProbes.httpResponder(guests.get("vm-3"), IsolatedNetworkScenario.SSH_PORT, "vm-3"));
    }

    @AfterAll
    void deleteEverything() throws IOException {
        try {
            for (GuestProcess server : servers) {
                server.close();
            }
        }
        finally {
            if (vrouter != null) {
                vrouter.close();
                assertThat(ip.namespaces()).noneMatch(names::owns);
            }
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    @Order(1)
    void eachVmLeasesItsAddressWithTheRouterAsGatewayAndDnsServer() {
        for (int i = 0; i < IsolatedNetworkScenario.VM_COUNT; i++) {
            var vm = network.vm(i);
            DhcpLease lease = leases.get(vm.vm().hostName());
            assertThat(lease.address().address()).as(vm.vm().hostName()).isEqualTo(network.ipOf(vm));
            assertThat(lease.address().prefixLength()).isEqualTo(24);
            assertThat(lease.gateway()).contains(network.gateway());
            assertThat(lease.dnsServers()).containsExactly(network.gateway());
            assertThat(lease.domain()).contains(TestCloud.NETWORK_DOMAIN);
        }
    }

    @Test
    @Order(2)
    void theRouterAnswersDnsForVmNames() throws IOException {
        GuestVm vm1 = guests.get("vm-1");

        assertThat(GuestProbes.digA(vm1, network.gateway(), "vm-2")).containsExactly(network.ipOf(network.vm(1)).value());
        assertThat(GuestProbes.digA(vm1, network.gateway(), "vm-3." + TestCloud.NETWORK_DOMAIN)).containsExactly(network.ipOf(network.vm(2)).value());
    }

    @Test
    @Order(3)
    void egressLeavesThroughTheSourceNatAddress() throws IOException {
        Optional<String> source = GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, guests.get("vm-3"), TestCloud.PUBLIC_GATEWAY);

        assertThat(source).contains(network.sourceNatIp().address().value());
    }

    @Test
    @Order(3)
    void egressToAPortNoEgressRuleAllowsIsDropped() throws IOException {
        Optional<String> source = GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT + 1, guests.get("vm-3"), TestCloud.PUBLIC_GATEWAY);

        assertThat(source).isEmpty();
    }

    @Test
    @Order(4)
    void thePortForwardReachesTheVmListener() throws IOException {
        assertThat(GuestProbes.httpGet(vrouter.publicClient(), network.sourceNatIp().address(), IsolatedNetworkScenario.FORWARDED_PORT))
                .contains("vm-3");
    }

    @Test
    @Order(5)
    void theLoadBalancerAlternatesBetweenItsTwoBackends() throws IOException {
        IpAddress address = network.loadBalancingRules().get(0).publicIp();
        // haproxy's health checks may have marked a backend down before its server listened
        assertThat(GuestProbes.awaitAnswersFrom(vrouter.publicClient(), address, IsolatedNetworkScenario.LB_PORT, Set.of("vm-1", "vm-2"),
                Duration.ofSeconds(12))).containsExactlyInAnyOrder("vm-1", "vm-2");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(GuestProbes.httpGet(vrouter.publicClient(), address, IsolatedNetworkScenario.LB_PORT).orElse("no answer"));
        }

        assertThat(answers).containsOnly("vm-1", "vm-2");
        assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
        assertThat(answers.get(2)).isEqualTo(answers.get(0));
    }

    @Test
    @Order(6)
    void staticNatMapsThePublicAddressToTheVmBothWays() throws IOException {
        IpAddress publicIp = network.staticNats().get(0).publicIp();

        assertThat(GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, guests.get("vm-1"), TestCloud.PUBLIC_GATEWAY))
                .contains(publicIp.value());
        assertThat(GuestProbes.httpGet(vrouter.publicClient(), publicIp, IsolatedNetworkScenario.BACKEND_PORT)).contains("vm-1");
    }

    @Test
    @Order(7)
    void aPortNoRuleOpensStaysClosed() throws IOException {
        // vm-3 listens on 22, but only the forwarded port reaches it
        assertThat(GuestProbes.httpGet(vrouter.publicClient(), network.sourceNatIp().address(), IsolatedNetworkScenario.SSH_PORT)).isEmpty();
    }

    @Test
    @Order(8)
    void anIngressRuleOpensAPortOfTheStaticNatAddress() throws IOException {
        IpAddress publicIp = network.staticNats().get(0).publicIp();
        servers.add(GuestProbes.httpResponder(guests.get("vm-1"), UNOPENED_PORT, "vm-1 again"));
        assertThat(GuestProbes.httpGet(vrouter.publicClient(), publicIp, UNOPENED_PORT)).as("before the rule").isEmpty();

        network.withIngressRule(network.publicIp(publicIp), PortRange.of(UNOPENED_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());

        assertThat(GuestProbes.httpGet(vrouter.publicClient(), publicIp, UNOPENED_PORT)).contains("vm-1 again");
    }

    @Test
    @Order(9)
    void aUdpPortForwardDeliversDatagramsToTheVm() throws IOException {
        network.withIngressRule(network.sourceNatIp(), Protocol.UDP, PortRange.of(UDP_PUBLIC_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        network.withPortForward(network.sourceNatIp(), UDP_PUBLIC_PORT, network.vm(1), UDP_PRIVATE_PORT, Protocol.UDP);
        vrouter.element().applyPortForwardingRules(network.network(), network.portForwardingRules());

        assertThat(GuestProbes.udpDelivered(guests.get("vm-2"), UDP_PRIVATE_PORT, vrouter.publicClient(), network.sourceNatIp().address(),
                UDP_PUBLIC_PORT)).isTrue();
    }

    @Test
    @Order(100)
    void revokingThePortForwardRemovesItsEffect() throws IOException {
        PortForwardingRule rule = network.portForwardingRules().get(0);
        PortForwardingRule revoked = network.revokePortForward(rule);

        vrouter.element().applyPortForwardingRules(network.network(), List.of(revoked));

        assertThat(GuestProbes.httpGet(vrouter.publicClient(), network.sourceNatIp().address(), IsolatedNetworkScenario.FORWARDED_PORT)).isEmpty();
    }
}
