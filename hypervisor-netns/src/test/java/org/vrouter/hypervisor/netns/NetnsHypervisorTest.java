package org.vrouter.hypervisor.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.command.Answer;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.hypervisor.netns.guest.DhcpLease;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.daemon.DaemonClient;
import org.vrouter.router.daemon.DaemonRequest;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.pipeline.EntryOutcome;

/**
 * Routers as real namespaces: started from a StartCommand laid out as the guru lays it out, given a
 * DHCP entry through the routing resource and the namespace channel, leasing an address to a guest
 * namespace by real DHCP, checked, stopped. Every test ends with nothing of the instance left on
 * the machine: no namespace of its prefix, no link.
 */
@Tag("root")
class NetnsHypervisorTest {
    private static final Duration LEASE_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path work;

    private final IpTool ip = IpTool.system();
    private final GuruLayoutRouter router = GuruLayoutRouter.of(7);
    private NetnsNames names;
    private NetnsHypervisor hypervisor;

    @BeforeEach
    void createHypervisor() throws IOException {
        SystemTools.requireRootAnd(SystemTools.ROUTER_TOOLS);
        SystemTools.requireRootAnd("busybox");
        // dnsmasq drops root and must still reach the routers' files
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("vt");
        hypervisor = NetnsHypervisor.builder(work.resolve("routers")).names(names).build();
    }

    @AfterEach
    void closeHypervisor() throws IOException {
        if (hypervisor == null) {
            return;
        }
        hypervisor.close();
        assertThat(ip.namespaces()).noneMatch(names::owns);
    }

    @Test
    void isTheNetnsHypervisor() {
        assertThat(hypervisor.type()).isEqualTo(HypervisorType.NETNS);
        assertThat(hypervisor.network().namespace()).isEqualTo(names.prefix() + "-hv");
    }

    @Test
    void startCreatesTheRouterNamespaceWithItsNicsAddressesAndDnsmasq() throws IOException {
        Answer answer = hypervisor.execute(router.startCommand());

        assertThat(answer.success()).as(answer.details()).isTrue();
        NetnsRouter started = hypervisor.router(router.name());
        String namespace = names.prefix() + "-" + router.name();
        assertThat(started.namespace()).isEqualTo(namespace);
        assertThat(ip.namespaces()).contains(namespace);
        assertThat(ip.links(namespace)).containsExactly("lo", "eth0", "eth1", "eth2");
        assertThat(addresses(namespace, "eth0")).contains("10.1.7.1/24");
        assertThat(addresses(namespace, "eth1")).contains("169.254.3.7/16");
        assertThat(addresses(namespace, "eth2")).contains("203.0.113.17/24");
        for (int device = 0; device < 3; device++) {
            assertThat(ip.in(namespace, "-o", "link", "show", "dev", "eth" + device).stdout()).as("eth" + device)
                    .contains("link/ether " + router.nic(device).macAddress().value()).contains("state UP");
        }
        assertThat(started.services().isRunning(DnsmasqApplier.daemon(started.host()))).isTrue();
        assertThat(started.root()).isEqualTo(work.resolve("routers").resolve(router.name()));
        assertThat(Files.readString(started.root().resolve("etc/cloudstack/cmdline.json"))).contains("\"eth0ip\": \"10.1.7.1\"");
        assertThat(started.lastRun()).isEqualTo("/opt/cloud/bin/update_config.py cmd_line.json exited 0");
    }

    @Test
    void plugsEachNicIntoTheBridgeOfItsBroadcastDomainInTheHypervisorNamespace() throws IOException {
        hypervisor.execute(router.startCommand());
        HypervisorNetwork network = hypervisor.network();
        String hv = network.namespace();

        assertThat(network.links()).contains("br-g107", "br-ctl", "br-pu", "vr1-eth0", "vr1-eth1", "vr1-eth2");
        assertThat(ip.ports(hv, "br-g107")).containsExactly("vr1-eth0");
        assertThat(ip.ports(hv, "br-ctl")).containsExactly("vr1-eth1");
        assertThat(ip.ports(hv, "br-pu")).containsExactly("vr1-eth2");
        assertThat(addresses(hv, "br-ctl")).contains("169.254.0.1/16");
    }

    @Test
    void aGuestGetsItsLeaseByDhcpAfterTheRouterLearnsItsMac() throws IOException {
        byte[] hostResolvConf = readHostResolvConf();
        hypervisor.execute(router.startCommand());
        MacAddress mac = MacAddress.parse("02:00:0a:01:07:0a");
        IpAddress address = router.guestAddress(10);
        Answer dhcp = hypervisor.execute(SetDhcpConfigCommand.of(router.accessDetails(),
                DhcpEntryTO.builder(mac, "vm-1").ipv4(address).defaultEntry(true).build()));
        assertThat(dhcp.success()).as(dhcp.details()).isTrue();
        String bridge = hypervisor.network().bridge(TrafficType.GUEST, router.nic(0).broadcastUri());

        try (GuestVm vm = GuestVm.create(hypervisor.network(), "vm-1", mac, bridge)) {
            DhcpLease lease = vm.requestLease(LEASE_WAIT);

            assertThat(lease.address().toString()).isEqualTo("10.1.7.10/24");
            assertThat(lease.gateway()).contains(router.guestGateway());
            assertThat(lease.dnsServers()).first().isEqualTo(router.guestGateway());
            assertThat(lease.domain()).contains(GuruLayoutRouter.DOMAIN);
            assertThat(lease.server()).contains(router.guestGateway());
            assertThat(vm.addresses()).extracting(Object::toString).containsExactly("10.1.7.10/24");
            assertThat(vm.run("cat", "/etc/resolv.conf").stdout()).contains("nameserver 10.1.7.1").contains("search cs2cloud.internal");
            assertThat(vm.run(ping(router.guestGateway())).succeeded()).as("the guest reaches its gateway").isTrue();
        }
        assertThat(readHostResolvConf()).isEqualTo(hostResolvConf);
        assertThat(ip.namespaces()).doesNotContain(names.guestNamespace("vm-1"));
        assertThat(hypervisor.network().links()).doesNotContain("vg1-eth0");
    }

    @Test
    void theHypervisorNamespaceReachesTheRouterAtItsControlAddress() throws IOException {
        hypervisor.execute(router.startCommand());

        ProgramResult ping = new NamespaceHost(work, hypervisor.network().namespace()).run(ping(router.controlIp()));

        assertThat(ping.succeeded()).as(ping.stdout() + ping.stderr()).isTrue();
    }

    @Test
    void aGuestTheRouterDoesNotKnowGetsNoLease() throws IOException {
        hypervisor.execute(router.startCommand());
        String bridge = hypervisor.network().bridge(TrafficType.GUEST, router.nic(0).broadcastUri());

        try (GuestVm vm = GuestVm.create(hypervisor.network(), "stranger", MacAddress.parse("02:00:0a:01:07:63"), bridge)) {
            assertThatThrownBy(() -> vm.requestLease(Duration.ofSeconds(2)))
                    .isInstanceOf(IOException.class).hasMessageContaining("got no DHCP lease within PT2S");
            assertThat(vm.addresses()).isEmpty();
        }
    }

    @Test
    void checkReportsTheTruthBeforeDuringAndAfterTheRouterRuns() throws IOException {
        assertThat(check()).isEqualTo(PowerState.MISSING);
        hypervisor.execute(router.startCommand());

        CheckVirtualMachineAnswer running = (CheckVirtualMachineAnswer) hypervisor.execute(new CheckVirtualMachineCommand(router.name()));
        assertThat(running.state()).isEqualTo(PowerState.ON);
        assertThat(running.details()).contains("dnsmasq running").contains("update_config.py cmd_line.json exited 0");

        assertThat(hypervisor.execute(StopCommand.forced(router.name())).success()).isTrue();
        assertThat(check()).isEqualTo(PowerState.OFF);

        assertThat(hypervisor.execute(router.startCommand()).success()).isTrue();
        ip.deleteNamespace(hypervisor.router(router.name()).namespace());
        assertThat(check()).as("namespace deleted behind the hypervisor's back").isEqualTo(PowerState.MISSING);
    }

    @Test
    void stopEndsTheDaemonsAndRemovesTheNamespaceItsNicsAndUnusedBridges() throws IOException {
        hypervisor.execute(router.startCommand());
        NetnsRouter started = hypervisor.router(router.name());
        long dnsmasq = Long.parseLong(Files.readString(started.root().resolve("run/vrouter/dnsmasq.pid")).strip());
        assertThat(ProcessHandle.of(dnsmasq)).isPresent();

        Answer stop = hypervisor.execute(StopCommand.graceful(router.name()));

        assertThat(stop.success()).as(stop.details()).isTrue();
        assertThat(stop.details()).isEqualTo("Stopped " + router.name());
        assertThat(RouterProcesses.isRunning(dnsmasq)).isFalse();
        assertThat(ip.namespaces()).doesNotContain(started.namespace()).contains(hypervisor.network().namespace());
        assertThat(hypervisor.network().links()).containsExactly("lo");
        assertThat(started.root().resolve("etc/cloudstack/cmdline.json")).exists();
        assertThat(started.root().resolve("run/vrouter/dnsmasq.pid")).doesNotExist();
        assertThat(hypervisor.execute(StopCommand.forced(router.name())).details()).contains("not found; counts as stopped");
    }

    @Test
    void servesTheRoutersVrouterdSocketWhileItRunsSoThatItsScriptsReachThisProcess() throws Exception {
        SystemTools.requireRootAnd("dash", "nc");
        hypervisor.execute(router.startCommand());
        NetnsRouter started = hypervisor.router(router.name());
        Path socket = started.root().resolve("run/vrouter/vrouterd.sock");
        assertThat(started.daemonSocket()).contains(socket);
        Path script = work.resolve("update_config.py");
        try (InputStream in = Vrouterd.class.getResourceAsStream("/router-dist/opt/cloud/bin/update_config.py")) {
            Files.write(script, in.readAllBytes());
        }
        started.host().writeText("/var/cache/cloud/vm_dhcp_entry.json.9", "{\"host_name\":\"vm-9\",\"mac_address\":\"02:00:4c:5f:00:09\","
                + "\"ipv4_address\":\"10.1.7.9\",\"default_entry\":true,\"remove\":false,\"type\":\"dhcpentry\","
                + "\"delete_from_processed_cache\":false}", FileMode.PUBLIC);

        // VROUTER=/bin/false: only the daemon can make it succeed
        ProcessBuilder update = new ProcessBuilder("dash", script.toString(), "vm_dhcp_entry.json.9").redirectErrorStream(true);
        update.environment().put("VROUTER_ROOT", started.root().toString());
        update.environment().put("VROUTER", "/bin/false");
        Process process = update.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(started.host().readText("/etc/cloudstack/dhcpentry.json").orElseThrow()).contains("10.1.7.9");
        EntryOutcome transition = DaemonClient.send(socket, DaemonRequest.parse("redundancy-state -- BACKUP")).orElseThrow();
        assertThat(transition.exitCode()).as("not a redundant router: as the one-shot command answers").isEqualTo(1);
        assertThat(transition.stderr()).singleElement().asString().contains("no VRRP instance");

        hypervisor.execute(StopCommand.graceful(router.name()));

        assertThat(started.daemonSocket()).isEmpty();
        assertThat(socket).doesNotExist();
        assertThat(DaemonClient.send(socket, DaemonRequest.parse("ping"))).isEmpty();
    }

    @Test
    void aRestartBootsFromTheRootAgain() throws IOException {
        hypervisor.execute(router.startCommand());
        hypervisor.execute(StopCommand.forced(router.name()));

        Answer again = hypervisor.execute(router.startCommand());

        assertThat(again.success()).as(again.details()).isTrue();
        NetnsRouter started = hypervisor.router(router.name());
        assertThat(started.services().isRunning(DnsmasqApplier.daemon(started.host()))).isTrue();
        assertThat(hypervisor.network().links()).contains("vr1-eth0");
    }

    @Test
    void startingARunningRouterFails() {
        hypervisor.execute(router.startCommand());

        Answer again = hypervisor.execute(router.startCommand());

        assertThat(again.success()).isFalse();
        assertThat(again.details()).contains("already running");
    }

    @Test
    void aFailedBootFailsTheStartAndLeavesNothingBehind() throws IOException {
        GuruLayoutRouter broken = GuruLayoutRouter.withUnreachableGateway(8);

        Answer answer = hypervisor.execute(broken.startCommand());

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("failed its boot configuration: exit ");
        assertThat(ip.namespaces()).doesNotContain(names.routerNamespace(broken.name()));
        assertThat(hypervisor.network().links()).containsExactly("lo");
        assertThat(check(broken.name())).isEqualTo(PowerState.OFF);
    }

    @Test
    void aStartWhosePlumbingFailsLeavesNothingBehind() throws IOException {
        hypervisor.close();
        hypervisor = NetnsHypervisor.builder(work.resolve("routers")).names(names)
                .ip(new IpTool(new FailingIpHost("link", "add", "vr1-eth2"))).build();

        Answer answer = hypervisor.execute(router.startCommand());

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("cannot start router r-7-VM").contains("vr1-eth2").contains("injected failure");
        assertThat(ip.namespaces()).doesNotContain(names.routerNamespace(router.name()));
        assertThat(hypervisor.network().links()).containsExactly("lo");
        assertThat(check()).isEqualTo(PowerState.OFF);
    }

    @Test
    void routerCommandsReachTheRouterThroughTheNamespaceChannel() {
        hypervisor.execute(router.startCommand());

        Answer version = hypervisor.execute(new GetDomRVersionCommand(router.accessDetails()));

        assertThat(version).isInstanceOf(GetDomRVersionAnswer.class);
        assertThat(version.success()).as(version.details()).isTrue();
        assertThat(((GetDomRVersionAnswer) version).templateVersion()).hasValueSatisfying(template -> assertThat(template).contains("vrouter-netns"));
    }

    @Test
    void checkSshSucceedsAtTheControlAddressOfARunningRouterOnly() {
        assertThat(hypervisor.execute(CheckSshCommand.of(router.name(), router.controlIp())).success()).isFalse();
        hypervisor.execute(router.startCommand());

        assertThat(hypervisor.execute(CheckSshCommand.of(router.name(), router.controlIp())).success()).isTrue();
        assertThat(hypervisor.execute(CheckSshCommand.of(router.name(), IpAddress.parse("169.254.9.9"))).details())
                .contains("no router answers at 169.254.9.9");
        hypervisor.execute(StopCommand.forced(router.name()));
        assertThat(hypervisor.execute(CheckSshCommand.of(router.name(), router.controlIp())).details()).contains("is not running");
    }

    private static ProgramCall ping(IpAddress address) {
        return ProgramCall.of("busybox", "ping", "-c", "1", "-W", "2", address.value()).withTimeout(Duration.ofSeconds(10));
    }

    private PowerState check() {
        return check(router.name());
    }

    private PowerState check(String name) {
        return ((CheckVirtualMachineAnswer) hypervisor.execute(new CheckVirtualMachineCommand(name))).state();
    }

    private List<String> addresses(String namespace, String device) throws IOException {
        return ip.in(namespace, "-4", "-o", "address", "show", "dev", device).stdout().lines()
                .map(line -> line.strip().split("\\s+")[3]).toList();
    }

    private static byte[] readHostResolvConf() throws IOException {
        Path path = Path.of("/etc/resolv.conf");
        return Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
    }
}
