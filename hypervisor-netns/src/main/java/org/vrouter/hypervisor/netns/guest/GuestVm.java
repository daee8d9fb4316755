package org.vrouter.hypervisor.netns.guest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * A guest "VM" for tests and the demo: a network namespace ({@code <prefix>-g-<name>}) whose
 * {@code eth0}, with the VM's MAC, is one end of a veth pair plugged into a bridge of the
 * {@link HypervisorNetwork} (a guest network's bridge, where its router's {@code eth0} is), so it
 * gets its address the way a real VM does: by DHCP from the router ({@link #requestLease}).
 *
 * <p>The DHCP client is busybox's {@code udhcpc} (Debian package {@code busybox}) with an event
 * script of ours ({@link UdhcpcScript}) instead of its default one: it configures {@code eth0} and
 * records the lease in a temporary directory of this VM, and never writes {@code /etc/resolv.conf}.
 * As a second guard, the namespace has its own {@code /etc/netns/<namespace>/resolv.conf}, which
 * {@code ip netns exec} mounts over {@code /etc/resolv.conf} for every program run in it: empty
 * until a lease names DNS servers, then those. The machine's own {@code /etc/resolv.conf} is never
 * opened.
 *
 * <p>{@link #close()} ends every process left in the namespace, deletes the namespace (its veth pair
 * goes with it), its {@code /etc/netns} directory and its temporary directory, also after a failed
 * create. Not thread-safe: one test drives one guest.
 */
public final class GuestVm implements AutoCloseable {
    /** Where {@code ip netns exec} finds a namespace's own {@code /etc} files. */
    static final Path NETNS_ETC = Path.of("/etc/netns");
    private static final Logger log = LoggerFactory.getLogger(GuestVm.class);
    private static final String DEVICE = "eth0";
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final String name;
    private final MacAddress mac;
    private final HypervisorNetwork network;
    private final IpTool ip;
    private final String hostLink;
    private final NamespaceHost host;
    private final Path directory;
    private final Path etc;
    private boolean closed;

    private GuestVm(String name, MacAddress mac, HypervisorNetwork network, String namespace, String hostLink, Path directory) {
        this.name = name;
        this.mac = mac;
        this.network = network;
        this.ip = network.ip();
        this.hostLink = hostLink;
        this.host = new NamespaceHost(directory, namespace);
        this.directory = directory;
        this.etc = NETNS_ETC.resolve(namespace);
    }

    /**
     * Creates guest {@code name} with {@code mac} on {@code bridge} of {@code network}, its
     * {@code eth0} up without an address.
     *
     * @param name a host name ({@code vm-1}); the namespace is {@link NetnsNames#guestNamespace}
     * @param bridge a bridge of the network ({@link HypervisorNetwork#bridge}), e.g. the router's guest bridge
     * @throws IOException when the namespace exists already or the plumbing fails (nothing is left behind)
     */
    public static GuestVm create(HypervisorNetwork network, String name, MacAddress mac, String bridge) throws IOException {
        requireNonNull(network, "network is null");
        requireNonNull(mac, "mac is null");
        requireNonNull(bridge, "bridge is null");
        String namespace = network.names().guestNamespace(requireNonNull(name, "name is null"));
        if (network.ip().namespaceExists(namespace)) {
            throw new IOException("namespace " + namespace + " exists already: guest " + name + " was not closed");
        }
        String hostLink = NetnsNames.guestLink(network.nextGuestSlot());
        Path directory = Files.createTempDirectory("vrouter-guest-");
        GuestVm vm = new GuestVm(name, mac, network, namespace, hostLink, directory);
        try {
            vm.plumb(bridge);
        }
        catch (IOException | RuntimeException e) {
            try {
                vm.close();
            }
            catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        log.info("guest {} ({}) on {} as {}", name, mac, bridge, namespace);
        return vm;
    }

    private void plumb(String bridge) throws IOException {
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("resolv.conf"), "# guest " + name + ": no DNS servers until a DHCP lease names them\n", UTF_8);
        ip.addNamespace(namespace());
        ip.in(namespace(), "link", "set", "lo", "up");
        network.plug(bridge, hostLink, namespace(), DEVICE, mac);
        ip.in(namespace(), "link", "set", DEVICE, "up");
    }

    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    /** The guest's network namespace. */
    public String namespace() {
        return host.namespace();
    }

    /**
     * Asks for an address by DHCP and configures {@code eth0} with it: {@code udhcpc} sends a
     * discover each second until it holds a lease or {@code limit} has passed, then exits. The
     * namespace's {@code resolv.conf} then names the lease's DNS servers and domain.
     *
     * @throws IOException when no lease came within {@code limit} (the message holds the client's output)
     */
    public DhcpLease requestLease(Duration limit) throws IOException {
        requireOpen();
        long tries = Math.max(1, limit.toSeconds());
        Path script = directory.resolve("udhcpc.script");
        Path leaseFile = directory.resolve("lease");
        Files.deleteIfExists(leaseFile);
        Files.writeString(script, UdhcpcScript.text(leaseFile), UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        // -f foreground, -q exit with a lease, -n exit without one, -t tries, -T seconds between them
        ProgramResult result = host.run(ProgramCall.of("busybox", "udhcpc", "-f", "-q", "-n", "-t", Long.toString(tries), "-T", "1",
                "-i", DEVICE, "-s", script.toString()).withTimeout(limit.plus(MARGIN)));
        if (!result.succeeded() || !Files.exists(leaseFile)) {
            throw new IOException("guest " + name + " (" + mac + ") got no DHCP lease within " + limit + ": exit " + result.exitStatus() + ": "
                    + (result.stdout() + result.stderr()).strip());
        }
        DhcpLease lease = DhcpLease.parse(Files.readString(leaseFile, UTF_8));
        Files.writeString(etc.resolve("resolv.conf"), resolvConf(lease), UTF_8);
        log.info("guest {}: DHCP lease {} gateway {} DNS {}", name, lease.address(), lease.gateway().orElse(null), lease.dnsServers());
        return lease;
    }

    private String resolvConf(DhcpLease lease) {
        StringBuilder text = new StringBuilder("# guest " + name + ": from its DHCP lease\n");
        lease.domain().ifPresent(domain -> text.append("search ").append(domain).append('\n'));
        lease.dnsServers().forEach(server -> text.append("nameserver ").append(server.value()).append('\n'));
        return text.toString();
    }

    /** Configures {@code eth0} by hand instead of by DHCP: a public client, a VM with a static address. */
    public void configureStatic(Cidr address, Optional<IpAddress> gateway) throws IOException {
        requireNonNull(address, "address is null");
        requireNonNull(gateway, "gateway is null");
        requireOpen();
        ip.in(namespace(), "address", "replace", address.toString(), "dev", DEVICE);
        if (gateway.isPresent()) {
            ip.in(namespace(), "route", "replace", "default", "via", gateway.get().value(), "dev", DEVICE);
        }
    }

    /** Runs a program inside the guest and returns how it ended (bounded by the call's timeout). */
    public ProgramResult run(ProgramCall call) throws IOException {
        requireOpen();
        return host.run(call);
    }

    /** Runs a program inside the guest with the default timeout. */
    public ProgramResult run(String... argv) throws IOException {
        return run(ProgramCall.of(argv));
    }

    /** The guest's IPv4 addresses on {@code eth0}, as the kernel holds them. */
    public List<Cidr> addresses() throws IOException {
        String output = ip.in(namespace(), "-4", "-o", "address", "show", "dev", DEVICE).stdout();
        return output.lines().map(line -> line.strip().split("\\s+")).filter(fields -> fields.length > 3)
                .map(fields -> Cidr.parse("address", fields[3])).toList();
    }

    /**
     * Ends every process left in the namespace, deletes the namespace, the host end of its veth,
     * its {@code /etc/netns} directory and its temporary directory. Every step is attempted; the
     * first failure is thrown afterwards. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (Step step : List.<Step>of(this::endProcesses, () -> network.unplug(hostLink), () -> ip.deleteNamespace(namespace()),
                () -> deleteTree(etc), () -> deleteTree(directory))) {
            try {
                step.run();
            }
            catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.debug("guest {} deleted", name);
    }

    /** One cleanup step. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** Processes a test started in the guest (a server, a client it left behind): they were started here, so they end here. */
    private void endProcesses() throws IOException {
        long self = ProcessHandle.current().pid();
        for (long pid : ip.pids(namespace())) {
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("guest " + name + " is closed");
        }
    }

    @Override
    public String toString() {
        return "GuestVm[" + name + ", " + mac + ", netns " + namespace() + "]";
    }
}
