package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.ServiceAction;

/**
 * A real dnsmasq, started by the direct service manager inside a network namespace of its own
 * (guest interface {@code eth0} at 10.1.1.1/24, one end of a veth pair), answering real DNS
 * queries. No DHCP client runs; the host's resolver configuration is never touched.
 */
@Tag("root")
class DnsmasqNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern LEASE = Pattern.compile("lease of ([0-9.]+) obtained");

    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;
    private DirectServiceManager services;
    private Daemon daemon;
    private DnsmasqApplier applier;

    @BeforeEach
    void startNamespace() throws IOException {
        namespace = TestNamespace.create("dnsmasq", "dig", "dhcp_release", "start-stop-daemon");
        namespace.run("ip", "link", "set", "lo", "up");
        namespace.run("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "vm0");
        namespace.run("ip", "addr", "add", "10.1.1.1/24", "dev", "eth0");
        namespace.run("ip", "link", "set", "eth0", "up");
        namespace.run("ip", "link", "set", "vm0", "up");
        // dnsmasq drops root for its own user, which must still read the files it re-reads on SIGHUP
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        host = namespace.host(root);
        services = new DirectServiceManager(host);
        daemon = DnsmasqApplier.daemon(host);
        applier = new DnsmasqApplier(host, services, daemon, Clock.systemUTC());
    }

    @AfterEach
    void stopNamespace() throws IOException {
        if (namespace == null) {
            return;
        }
        try {
            services.stop(daemon);
        }
        finally {
            namespace.close();
        }
    }

    @Test
    void servesANewHostWithoutASignalOrARestart() throws Exception {
        DnsmasqReport first = applier.apply(input(host("02:00:4c:5f:00:01", "10.1.1.23", "vm-1")));
        assertThat(first.action()).isEqualTo(ServiceAction.RESTARTED);
        assertThat(await(() -> lookup("vm-1"), "10.1.1.23"::equals)).isEqualTo("10.1.1.23");
        long pid = pid();

        DnsmasqReport second = applier.apply(input(host("02:00:4c:5f:00:01", "10.1.1.23", "vm-1"),
                host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));

        assertThat(second.action()).isEqualTo(ServiceAction.PICKED_UP);
        assertThat(await(() -> lookup("vm-2"), "10.1.1.24"::equals)).isEqualTo("10.1.1.24");
        assertThat(lookup("vm-2.cs2cloud.internal")).isEqualTo("10.1.1.24");
        assertThat(lookup("data-server")).isEqualTo("10.1.1.1");
        assertThat(dhcpLease("02:00:4c:5f:00:02")).as("the new reservation is served by DHCP").isEqualTo("10.1.1.24");
        assertThat(pid()).as("dnsmasq was neither restarted nor reloaded").isEqualTo(pid);
        assertThat(log()).contains("inotify: " + root + "/etc/dhcphosts.d/02-00-4c-5f-00-02 new or modified")
                .as("the first host's reservation was read once: no reload").containsOnlyOnce("dhcphosts.d/all\n");
    }

    @Test
    void servesAChangedReservationAfterASighup() throws Exception {
        applier.apply(input(host("02:00:4c:5f:00:01", "10.1.1.23", "vm-1"), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));
        await(() -> lookup("vm-2"), "10.1.1.24"::equals);
        long pid = pid();

        DnsmasqReport changed = applier.apply(input(host("02:00:4c:5f:00:01", "10.1.1.23", "vm-1"),
                host("02:00:4c:5f:00:02", "10.1.1.42", "vm-2")));

        assertThat(changed.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(await(() -> lookup("vm-2"), "10.1.1.42"::equals)).isEqualTo("10.1.1.42");
        assertThat(dhcpLease("02:00:4c:5f:00:02")).as("the old reservation is forgotten").isEqualTo("10.1.1.42");
        assertThat(pid()).isEqualTo(pid);
    }

    @Test
    void releasesTheLeaseOfARemovedHost() throws Exception {
        DhcpHost kept = host("02:00:4c:5f:00:01", "10.1.1.23", "vm-1");
        DhcpHost removed = host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2");
        applier.apply(input(kept, removed));
        // stand in for a VM that took its lease: written while dnsmasq is stopped, as dnsmasq would have
        services.stop(daemon);
        host.writeText(DnsmasqPaths.ROUTER.leaseFile(), "0 02:00:4c:5f:00:02 10.1.1.24 vm-2 *\n", FileMode.PUBLIC);
        assertThat(applier.ensureRunning()).isEqualTo(ServiceAction.STARTED);
        await(() -> lookup("vm-1"), "10.1.1.23"::equals);
        assertThat(host.readText(DnsmasqPaths.ROUTER.leaseFile())).hasValueSatisfying(text -> assertThat(text).contains("10.1.1.24"));

        DnsmasqReport report = applier.apply(input(kept));

        assertThat(report.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(report.releases()).extracting(DhcpRelease::address).containsExactly(IpAddress.parse("10.1.1.24"));
        assertThat(await(() -> host.readText(DnsmasqPaths.ROUTER.leaseFile()).orElse(""), text -> !text.contains("10.1.1.24")))
                .doesNotContain("10.1.1.24");
        assertThat(await(() -> lookup("vm-2"), String::isEmpty)).isEmpty();
    }

    /**
     * The address dnsmasq leases to a client with that MAC, asked by busybox's udhcpc from a guest namespace
     * holding the veth's other end (its script does nothing: no interface or resolver is configured); "" if none.
     */
    private String dhcpLease(String mac) throws IOException {
        try (TestNamespace guest = TestNamespace.create("busybox")) {
            namespace.run("ip", "link", "set", "vm0", "netns", guest.name());
            guest.run("ip", "link", "set", "vm0", "address", mac);
            guest.run("ip", "link", "set", "vm0", "up");
            ProgramResult result = guest.host(root).run(ProgramCall.of("busybox", "udhcpc", "-f", "-q", "-n", "-t", "5", "-T", "1",
                    "-i", "vm0", "-s", "/bin/true").withTimeout(Duration.ofSeconds(20)));
            guest.run("ip", "link", "set", "vm0", "netns", namespace.name());
            namespace.run("ip", "link", "set", "vm0", "up");
            Matcher lease = LEASE.matcher(result.stdout() + result.stderr());
            return lease.find() ? lease.group(1) : "";
        }
    }

    private String log() throws IOException {
        return host.readText(DirectServiceManager.LOG_DIRECTORY + "/dnsmasq.log").orElse("");
    }

    private long pid() throws IOException {
        return Long.parseLong(host.readText(DirectServiceManager.pidFile(daemon)).orElseThrow().strip());
    }

    /** The first address dnsmasq answers for {@code name}, or "" (no answer, or no reply yet). */
    private String lookup(String name) throws IOException {
        String output = host.run(ProgramCall.of("dig", "+short", "+time=1", "+tries=1", "@10.1.1.1", name)
                .withTimeout(Duration.ofSeconds(5))).stdout().strip();
        return output.lines().filter(line -> !line.startsWith(";")).findFirst().orElse("");
    }

    /** Polls until {@code done} accepts the value, at most {@link #WAIT}; returns the last value. */
    private static <T> T await(Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    /** A value read from the machine. */
    private interface Probe<T> {
        T get() throws Exception;
    }

    private static DhcpInput input(DhcpHost... hosts) {
        return new DhcpInput(RouterType.ROUTER, "r-12-VM", "cs2cloud.internal", DnsServers.none(), false,
                List.of(GuestInterface.builder("eth0", Cidr.parse("10.1.1.1/24")).gateway(IpAddress.parse("10.1.1.1")).build()),
                List.of(hosts));
    }

    private static DhcpHost host(String mac, String ipv4, String name) {
        return DhcpHost.builder(MacAddress.parse(mac), IpAddress.parse(ipv4), name).build();
    }
}
