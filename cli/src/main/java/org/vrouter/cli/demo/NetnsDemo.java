package org.vrouter.cli.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.agent.RecordedCommand;
import org.vrouter.testkit.embedding.IsolatedNetworkScenario;
import org.vrouter.testkit.embedding.ScenarioStep;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.netns.GuestProbes;
import org.vrouter.testkit.netns.GuestProcess;
import org.vrouter.testkit.netns.NetnsVrouter;

/**
 * {@code vrouter demo --backend netns}: the simulator demo's {@link IsolatedNetworkScenario} on
 * real namespace routers ({@link NetnsVrouter}, prefix {@value NetnsNames#DEFAULT_PREFIX}), then
 * proof that it works: the VMs' DHCP leases, the router's DNS answer for a VM name, a connection
 * leaving through source NAT, HTTP through the port forward and the load balancer, the static NAT,
 * and a port no rule opens staying closed. Everything it made is deleted on exit, also on Ctrl-C
 * (a shutdown hook closes the bootstrap). Needs root.
 */
final class NetnsDemo {
    private static final Duration LEASE_WAIT = Duration.ofSeconds(15);
    private static final int EGRESS_PORT = 9000;
    private static final int UNOPENED_PORT = 9090;
    private static final int LB_REQUESTS = 4;
    private static final Duration BACKENDS_UP_WAIT = Duration.ofSeconds(12);

    private final PrintStream out;
    private final DemoReport report;
    private final NetnsNames names;
    private final List<String> failed = new ArrayList<>();

    NetnsDemo(PrintStream out, NetnsNames names) {
        this.out = requireNonNull(out, "out is null");
        this.report = new DemoReport(out);
        this.names = requireNonNull(names, "names is null");
    }

    /** Runs the demo; 0 when every check passed, 2 otherwise. */
    int run(Optional<Path> out) throws IOException {
        Path work = out.orElse(Files.createTempDirectory("vrouter-demo-"));
        // dnsmasq drops root and must still read the routers' files
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        NetnsVrouter vrouter = NetnsVrouter.start(TestCloud.advanced(HypervisorType.NETNS), work.resolve("routers"), names);
        // the shutdown hook reads it while the demo's thread may still add to it
        List<GuestProcess> servers = new CopyOnWriteArrayList<>();
        Thread cleanup = new Thread(() -> closeOnInterrupt(servers, vrouter), "vrouter-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            this.out.printf("vrouter demo on network namespaces (prefix %s): routers' roots under %s%n%n", names.prefix(), work.resolve("routers"));
            TestNetwork network = deploy(vrouter);
            prove(vrouter, network, servers);
        }
        finally {
            for (GuestProcess server : servers) {
                server.close();
            }
            vrouter.close();
            removeHook(cleanup);
            this.out.printf("%nCleaned up: every namespace of prefix %s is deleted.%n", names.prefix());
        }
        if (failed.isEmpty()) {
            this.out.println("Every check passed.");
            return 0;
        }
        this.out.println("Failed checks: " + failed);
        return 2;
    }

    private TestNetwork deploy(NetnsVrouter vrouter) {
        IsolatedNetworkScenario scenario = new IsolatedNetworkScenario(vrouter);
        List<ScenarioStep> steps = scenario.steps();
        for (int i = 0; i < steps.size(); i++) {
            report.step(i + 1, steps.size(), steps.get(i).title());
            int before = vrouter.agents().recorded().size();
            try {
                report.outcome(steps.get(i).run());
            }
            catch (VrouterException e) {
                report.outcome("failed");
                report.commands(sentSince(vrouter, before));
                throw e;
            }
            report.commands(sentSince(vrouter, before));
        }
        TestNetwork network = scenario.network();
        network.withEgressRule(Protocol.TCP, PortRange.of(EGRESS_PORT));
        vrouter.element().applyFirewallRules(network.network(), network.firewallRules());
        out.printf("[+] allow egress tcp/%d from %s%n", EGRESS_PORT, network.cidr());
        return network;
    }

    private void prove(NetnsVrouter vrouter, TestNetwork network, List<GuestProcess> servers) throws IOException {
        out.printf("%nNow for real: guests plug into the router's guest bridge and the public client (%s) sits on the public bridge.%n",
                TestCloud.PUBLIC_GATEWAY);
        List<GuestVm> guests = new ArrayList<>();
        for (VirtualMachineProfile vm : network.vms()) {
            GuestVm guest = vrouter.guest(network, vm);
            guests.add(guest);
            DhcpLease lease = guest.requestLease(LEASE_WAIT);
            check(vm.vm().hostName() + " DHCP lease " + lease.address() + ", gateway " + lease.gateway().map(IpAddress::value).orElse("none")
                    + ", DNS " + lease.dnsServers() + ", domain " + lease.domain().orElse("none"), lease.address().address().equals(network.ipOf(vm)));
        }
        List<String> answer = GuestProbes.digA(guests.get(0), network.gateway(), "vm-2");
        check("vm-1 asks the router's DNS for vm-2: " + answer, answer.equals(List.of(network.ipOf(network.vm(1)).value())));
        Optional<String> source = GuestProbes.sourceSeen(vrouter.publicClient(), EGRESS_PORT, guests.get(2), TestCloud.PUBLIC_GATEWAY);
        check("vm-3 connects to " + TestCloud.PUBLIC_GATEWAY + ":" + EGRESS_PORT + "; the public client sees it come from " + source.orElse("nowhere")
                + " (source NAT)", source.equals(Optional.of(network.sourceNatIp().address().value())));
        servers.add(GuestProbes.httpResponder(guests.get(0), IsolatedNetworkScenario.BACKEND_PORT, "vm-1"));
        servers.add(GuestProbes.httpResponder(guests.get(1), IsolatedNetworkScenario.BACKEND_PORT, "vm-2"));
        servers.add(GuestProbes.httpResponder(guests.get(2), IsolatedNetworkScenario.SSH_PORT, "vm-3"));
        servers.add(GuestProbes.httpResponder(guests.get(0), UNOPENED_PORT, "vm-1 unopened"));
        http(vrouter, "port forward", network.sourceNatIp().address(), IsolatedNetworkScenario.FORWARDED_PORT, Optional.of("vm-3"));
        IpAddress lb = network.loadBalancingRules().get(0).publicIp();
        // the backends' HTTP servers started after the balancer, whose health checks marked them down meanwhile
        GuestProbes.awaitAnswersFrom(vrouter.publicClient(), lb, IsolatedNetworkScenario.LB_PORT, Set.of("vm-1", "vm-2"), BACKENDS_UP_WAIT);
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < LB_REQUESTS; i++) {
            spread.add(GuestProbes.httpGet(vrouter.publicClient(), lb, IsolatedNetworkScenario.LB_PORT).orElse("no answer"));
        }
        check("load balancer " + lb + ":" + IsolatedNetworkScenario.LB_PORT + " answered " + spread,
                spread.contains("vm-1") && spread.contains("vm-2") && !spread.contains("no answer"));
        IpAddress nat = network.staticNats().get(0).publicIp();
        http(vrouter, "static NAT", nat, IsolatedNetworkScenario.BACKEND_PORT, Optional.of("vm-1"));
        http(vrouter, "a port no firewall rule opens (vm-1 listens there)", nat, UNOPENED_PORT, Optional.empty());
    }

    private void http(NetnsVrouter vrouter, String what, IpAddress address, int port, Optional<String> expected) throws IOException {
        Optional<String> body = GuestProbes.httpGet(vrouter.publicClient(), address, port);
        check(what + ": GET http://" + address + ":" + port + "/ from the public client -> " + body.orElse("no answer (blocked)"),
                body.equals(expected));
    }

    private void check(String line, boolean passed) {
        out.printf("  %s %s%n", passed ? "ok  " : "FAIL", line);
        out.flush();
        if (!passed) {
            failed.add(line);
        }
    }

    private static List<RecordedCommand> sentSince(NetnsVrouter vrouter, int count) {
        List<RecordedCommand> recorded = vrouter.agents().recorded();
        return recorded.subList(count, recorded.size());
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) and finds the bootstrap closed
        }
    }

    /** The shutdown hook: it runs only when the JVM ends before the demo did (Ctrl-C, kill), since a finished demo removes it. */
    private void closeOnInterrupt(List<GuestProcess> servers, NetnsVrouter vrouter) {
        try {
            try {
                // the servers' output files and documents, which the guests' close does not know
                for (GuestProcess server : servers) {
                    server.close();
                }
            }
            finally {
                vrouter.close();
            }
            System.err.printf("%nvrouter demo: interrupted; everything of prefix %s deleted%n", names.prefix());
        }
        catch (IOException | RuntimeException e) {
            // a shutdown hook is a process edge: report and end
            System.err.println("vrouter demo: interrupted; cleanup failed: " + e);
        }
    }
}
