package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The demo's {@link IsolatedNetworkScenario} on a {@link NetnsVrouter} of unique names, each VM a
 * guest with its DHCP lease, vm-1 and vm-2 serving their names over HTTP on the load balancer's
 * backend port, vm-3 on the forwarded port's target, and an egress rule for tcp/{@value #EGRESS_PORT}:
 * the starting point of an end-to-end class that changes the router. {@link #assertEveryBehaviour}
 * checks all the scenario set up, with real packets. {@link #close()} deletes everything, checks no
 * namespace of the run is left, and deletes the work directory, attempting every step.
 */
final class RunningScenario implements AutoCloseable {
    static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    /** The port guests may reach on the public client (an egress rule opens it). */
    static final int EGRESS_PORT = 9000;

    private final Path work;
    private final NetnsNames names;
    private final NetnsVrouter vrouter;
    private final IsolatedNetworkScenario scenario;
    private final TestNetwork network;
    private final Map<String, GuestVm> guests = new LinkedHashMap<>();
    private final List<GuestProcess> servers = new ArrayList<>();

    private RunningScenario(Path work, NetnsNames names, NetnsVrouter vrouter) {
        this.work = work;
        this.names = names;
        this.vrouter = vrouter;
        this.scenario = new IsolatedNetworkScenario(vrouter);
        this.network = scenario.network();
    }

    /**
     * Skips (fails under CI=true) without root and tools, then runs the scenario.
     *
     * @param base the unique names' base, 1 to 3 letters (one per test class)
     */
    static RunningScenario start(String base) throws IOException {
        RootTools.requireRootAndTools();
        Path work = Files.createTempDirectory("vrouter-e2e-");
        // dnsmasq drops root and must still read the routers' files
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        NetnsNames names = NetnsNames.unique(base);
        NetnsVrouter vrouter;
        try {
            vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        }
        catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        RunningScenario running = new RunningScenario(work, names, vrouter);
        try {
            running.run();
            return running;
        }
        catch (IOException | RuntimeException e) {
            try {
                running.close();
            }
            catch (IOException | RuntimeException | AssertionError cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void run() throws IOException {
        scenario.run();
        for (VirtualMachineProfile vm : network.vms()) {
            plug(vm);
        }
        keep(GuestProbes.httpResponder(guest("vm-1"), IsolatedNetworkScenario.BACKEND_PORT, "vm-1"));
        keep(GuestProbes.httpResponder(guest("vm-2"), IsolatedNetworkScenario.BACKEND_PORT, "vm-2"));
        keep(GuestProbes.httpResponder(guest("vm-3"), IsolatedNetworkScenario.SSH_PORT, "vm-3"));
        network.withEgressRule(Protocol.TCP, PortRange.of(EGRESS_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
    }

    /**
     * Every behaviour the scenario set up, each observed and compared in one assertion (all are
     * shown when one differs): each VM's DHCP lease (asked anew: after a restart dnsmasq knows none
     * of the old ones), a DNS name, source NAT, the port forward and both load-balancer backends.
     */
    void assertEveryBehaviour(String when) throws IOException {
        List<String> expected = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        for (VirtualMachineProfile vm : network.vms()) {
            String name = vm.vm().hostName();
            DhcpLease lease = guest(name).requestLease(LEASE_WAIT);
            expected.add(name + " lease " + network.ipOf(vm) + " via " + network.gateway());
            observed.add(name + " lease " + lease.address().address() + " via " + lease.gateway().map(IpAddress::value).orElse("none"));
        }
        expected.add("DNS vm-2 " + List.of(network.ipOf(network.vm(1)).value()));
        observed.add("DNS vm-2 " + GuestProbes.digA(guest("vm-1"), network.gateway(), "vm-2"));
        expected.add("source NAT " + network.sourceNatIp().address().value());
        observed.add("source NAT " + GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, guest("vm-3"), TestCloud.PUBLIC_GATEWAY)
                .orElse("no connection"));
        expected.add("port forward vm-3");
        observed.add("port forward " + GuestProbes.httpGet(vrouter.publicClient(), network.sourceNatIp().address(),
                IsolatedNetworkScenario.FORWARDED_PORT).orElse("no answer"));
        IpAddress balancer = network.loadBalancingRules().get(0).publicIp();
        Set<String> backends = new TreeSet<>();
        backends.add(awaitAnswer(balancer, IsolatedNetworkScenario.LB_PORT).orElse("no answer"));
        backends.add(GuestProbes.httpGet(vrouter.publicClient(), balancer, IsolatedNetworkScenario.LB_PORT).orElse("no answer"));
        expected.add("load balancer [vm-1, vm-2]");
        observed.add("load balancer " + backends);
        assertThat(observed).as(when).isEqualTo(expected);
    }

    /**
     * The first answer of {@code address:port} to the public client within
     * {@link GuestProbes#CLIENT_LIMIT}: haproxy's reload and start are asynchronous, so a new
     * listener is up only once it answers.
     */
    Optional<String> awaitAnswer(IpAddress address, int port) throws IOException {
        Instant deadline = Instant.now().plus(GuestProbes.CLIENT_LIMIT);
        Optional<String> answer = GuestProbes.httpGet(vrouter.publicClient(), address, port);
        while (answer.isEmpty() && Instant.now().isBefore(deadline)) {
            pause();
            answer = GuestProbes.httpGet(vrouter.publicClient(), address, port);
        }
        return answer;
    }

    static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    NetnsVrouter vrouter() {
        return vrouter;
    }

    TestNetwork network() {
        return network;
    }

    DomainRouter router() {
        return vrouter.router(network);
    }

    GuestVm guest(String hostName) {
        GuestVm guest = guests.get(hostName);
        if (guest == null) {
            throw new IllegalArgumentException("no guest " + hostName + "; there are " + guests.keySet());
        }
        return guest;
    }

    /** Plugs {@code vm} in as a guest and leases its address. */
    GuestVm plug(VirtualMachineProfile vm) throws IOException {
        GuestVm guest = vrouter.guest(network, vm);
        guests.put(vm.vm().hostName(), guest);
        guest.requestLease(LEASE_WAIT);
        return guest;
    }

    /** Keeps {@code server} until {@link #close()}. */
    GuestProcess keep(GuestProcess server) {
        servers.add(server);
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            for (GuestProcess server : servers) {
                server.close();
            }
        }
        finally {
            try {
                vrouter.close();
                assertThat(IpTool.system().namespaces()).as("namespaces left by the run").noneMatch(names::owns);
            }
            finally {
                deleteTree(work);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
