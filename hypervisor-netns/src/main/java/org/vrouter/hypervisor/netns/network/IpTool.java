package org.vrouter.hypervisor.netns.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * iproute2's {@code ip} on this machine, the only way the netns backend changes the kernel's network
 * state: namespaces are added and deleted by name, and everything else runs inside a namespace
 * ({@code ip -n <namespace> ...}), so the machine's own interfaces are never named, let alone
 * touched. Every call is an argv (no shell) bounded by {@link #TIMEOUT}. Thread-safe.
 */
public final class IpTool {
    /** The bound of one {@code ip} call. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(IpTool.class);
    /** Where {@code ip netns add} mounts a named namespace. */
    private static final Path NAMESPACES = Path.of("/run/netns");

    private final Host host;

    /** Runs {@code ip} through {@code host} (the machine itself: {@link LocalHost#system()}). */
    public IpTool(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** {@code ip} on this machine. */
    public static IpTool system() {
        return new IpTool(LocalHost.system());
    }

    /**
     * Runs {@code ip <args...>} in {@code namespace} and insists that it succeeds.
     *
     * @throws IOException naming the command, its exit status and its first error line when it fails
     */
    public ProgramResult in(String namespace, String... args) throws IOException {
        return require(attemptIn(namespace, args));
    }

    /** Runs {@code ip -n <namespace> <args...>} and returns how it ended, failure included. */
    public ProgramResult attemptIn(String namespace, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", NamespaceHost.requireValidName(namespace)));
        argv.addAll(List.of(args));
        return host.run(ProgramCall.of(argv).withTimeout(TIMEOUT));
    }

    /**
     * Makes {@code namespace} forward IPv4, as a router VM's sysctl settings do; a new namespace does not.
     *
     * @throws IOException when sysctl fails
     */
    public void enableForwarding(String namespace) throws IOException {
        require(host.run(ProgramCall.of("ip", "netns", "exec", NamespaceHost.requireValidName(namespace),
                "sysctl", "-q", "-w", "net.ipv4.ip_forward=1").withTimeout(TIMEOUT)));
    }

    /** Adds the named namespace. */
    public void addNamespace(String namespace) throws IOException {
        require(host.run(ProgramCall.of("ip", "netns", "add", NamespaceHost.requireValidName(namespace)).withTimeout(TIMEOUT)));
        log.debug("namespace {} added", namespace);
    }

    /**
     * Deletes the named namespace if it exists; false if there was none. Links inside it go with it,
     * and so do the other ends of its veth pairs.
     */
    public boolean deleteNamespace(String namespace) throws IOException {
        if (!namespaceExists(namespace)) {
            return false;
        }
        require(host.run(ProgramCall.of("ip", "netns", "delete", NamespaceHost.requireValidName(namespace)).withTimeout(TIMEOUT)));
        log.debug("namespace {} deleted", namespace);
        return true;
    }

    /** Whether a namespace of that name exists (is mounted under {@code /run/netns}). */
    public boolean namespaceExists(String namespace) {
        return Files.exists(NAMESPACES.resolve(NamespaceHost.requireValidName(namespace)), LinkOption.NOFOLLOW_LINKS);
    }

    /** The named namespaces of this machine, as {@code ip netns list} shows them (names only). */
    public List<String> namespaces() throws IOException {
        ProgramResult result = require(host.run(ProgramCall.of("ip", "netns", "list").withTimeout(TIMEOUT)));
        List<String> names = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip().split("\\s+", 2)[0]);
            }
        }
        return List.copyOf(names);
    }

    /** The processes whose network namespace is the named one ({@code ip netns pids}); empty when it does not exist. */
    public List<Long> pids(String namespace) throws IOException {
        if (!namespaceExists(namespace)) {
            return List.of();
        }
        ProgramResult result = require(host.run(ProgramCall.of("ip", "netns", "pids", namespace).withTimeout(TIMEOUT)));
        List<Long> pids = new ArrayList<>();
        for (String line : result.stdout().split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        return List.copyOf(pids);
    }

    /** The names of the links inside {@code namespace} ({@code eth0}, not {@code eth0@if7}), in kernel order. */
    public List<String> links(String namespace) throws IOException {
        return linkNames(in(namespace, "-o", "link", "show").stdout());
    }

    /** The names of the links enslaved to {@code bridge} inside {@code namespace}. */
    public List<String> ports(String namespace, String bridge) throws IOException {
        return linkNames(in(namespace, "-o", "link", "show", "master", bridge).stdout());
    }

    /** Whether {@code link} exists inside {@code namespace}. */
    public boolean linkExists(String namespace, String link) throws IOException {
        return attemptIn(namespace, "link", "show", "dev", link).succeeded();
    }

    /** Parses {@code ip -o link show}: {@code 3: eth0@if2: <BROADCAST,...> ...}. */
    static List<String> linkNames(String output) {
        List<String> names = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.strip().split(":\\s+", 3);
            if (fields.length >= 2) {
                String name = fields[1];
                int at = name.indexOf('@');
                names.add(at < 0 ? name : name.substring(0, at));
            }
        }
        return List.copyOf(names);
    }

    private static ProgramResult require(ProgramResult result) throws IOException {
        if (!result.succeeded()) {
            throw new IOException(String.join(" ", result.argv()) + " exited " + result.exitStatus() + ": " + result.firstErrorLine());
        }
        return result;
    }
}
