package org.vrouter.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.NamespaceHost;

/**
 * Where the benchmark's routers live and its floors are measured: each router a fresh temporary root, in
 * its own uniquely named network namespace ({@code vrbench-<pid>-<n>}) when running as root with
 * {@code ip} and {@code iptables-restore} installed, else on a {@link DryRunHost} (programs not run, no
 * floors). {@link #close()} deletes every namespace, process and directory it made, also when the run
 * failed; a shutdown hook does the same on Ctrl-C.
 */
final class Sandbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);
    private static final Duration PROGRAM_LIMIT = Duration.ofMinutes(2);

    private final boolean namespaces;
    private final String prefix = "vrbench-" + ProcessHandle.current().pid() + "-";
    private final Path directory;
    private final List<String> createdNamespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Thread cleanup = new Thread(this::cleanUp, "vrbench-cleanup");
    private int counter;
    private boolean closed;

    private Sandbox(boolean namespaces) throws IOException {
        this.namespaces = namespaces;
        // dnsmasq drops root for its own user, which must still reach the files it re-reads on SIGHUP
        this.directory = Files.createTempDirectory("vrouter-bench-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Network namespaces when possible (and not {@code dryRun}), else dry-run hosts. */
    static Sandbox create(boolean dryRun) throws IOException {
        return new Sandbox(!dryRun && isRoot() && installed("ip") && installed("iptables-restore"));
    }

    boolean namespaces() {
        return namespaces;
    }

    /** One line for the report's heading. */
    String description() {
        return namespaces ? "each router in its own network namespace (" + prefix + "*), temporary roots under " + directory
                : "dry run (DryRunHost: files written under temporary roots, no program run; floors not measured), temporary roots under "
                        + directory;
    }

    /**
     * A router: a fresh root directory and a host on it; in a namespace, with the isolated router's NICs
     * (guest {@code eth0}, control {@code eth1}, public {@code eth2}, each one end of a veth pair whose
     * other end stays in the namespace).
     */
    Router router(String label) throws IOException {
        Path root = Files.createDirectory(directory.resolve(label), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        if (!namespaces) {
            return new Router(root, new DryRunHost(root), Optional.empty());
        }
        String namespace = namespace();
        for (String[] pair : new String[][] {{"eth0", "vm0"}, {"eth1", "host0"}, {"eth2", "upstream0"}}) {
            run(List.of("ip", "netns", "exec", namespace, "ip", "link", "add", pair[0], "type", "veth", "peer", "name", pair[1]), "");
            run(List.of("ip", "netns", "exec", namespace, "ip", "link", "set", pair[1], "up"), "");
        }
        return new Router(root, new NamespaceHost(root, namespace), Optional.of(namespace));
    }

    /** A router of the benchmark. */
    record Router(Path root, Host host, Optional<String> namespace) {}

    /** A fresh network namespace with its loopback up. */
    String namespace() throws IOException {
        String name = prefix + (++counter);
        run(List.of("ip", "netns", "add", name), "");
        synchronized (this) {
            createdNamespaces.add(name);
        }
        run(List.of("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up"), "");
        return name;
    }

    /** The wall time of one run of a program (its stdin given), which must succeed. */
    Duration time(List<String> argv, String stdin) throws IOException {
        long start = System.nanoTime();
        run(argv, stdin);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    void run(List<String> argv, String stdin) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PROGRAM_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", argv) + ": still running after " + PROGRAM_LIMIT);
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + ": exit " + process.exitValue() + ": " + output.strip());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", argv), e);
        }
    }

    /** Starts a long-running program that {@link #close()} kills. */
    Process start(List<String> argv, Path log) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        synchronized (this) {
            processes.add(process);
        }
        return process;
    }

    /** Kills a program {@link #start} started and waits for it to be gone. */
    void stop(Process process) throws IOException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(PROGRAM_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("process " + process.pid() + " did not die");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping process " + process.pid(), e);
        }
    }

    Path directory() {
        return directory;
    }

    static boolean installed(String program) {
        return List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin").stream().anyMatch(path -> Files.isExecutable(Path.of(path, program)));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process process : processes) {
            try {
                stop(process);
            }
            catch (IOException e) {
                log.warn("{}", e.getMessage());
            }
        }
        for (String namespace : createdNamespaces) {
            try {
                killInside(namespace);
                run(List.of("ip", "netns", "delete", namespace), "");
            }
            catch (IOException e) {
                log.warn("could not delete network namespace {}: {}", namespace, e.getMessage());
            }
        }
        try {
            deleteTree(directory);
        }
        catch (IOException e) {
            log.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }

    /** Kills whatever runs in a namespace (the daemons a converge started there) and waits until it is gone. */
    private void killInside(String namespace) throws IOException {
        Process list = new ProcessBuilder("ip", "netns", "pids", namespace).redirectErrorStream(true).start();
        String pids = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String pid : pids.split("\\s+")) {
            if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(process -> {
                    process.destroyForcibly();
                    awaitGone(process, Duration.ofSeconds(10));
                });
            }
        }
    }

    /**
     * Waits (bounded) until a killed process has exited. A zombie counts as gone: a daemon that detached from
     * its starter belongs to init, and an init that does not reap (some VMs' and containers') leaves it a zombie
     * that {@link ProcessHandle#onExit} would wait on until the timeout, ten seconds per daemon.
     */
    private static void awaitGone(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !isZombie(process.pid()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether {@code /proc/<pid>/stat} says the process is a zombie (state {@code Z}, after the name in parentheses). */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        }
        catch (IOException e) {
            // no such process any more
            return true;
        }
    }

    private static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top)) {
            return;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
