package org.vrouter.cli.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;

/**
 * Ctrl-C on {@code vrouter demo --backend netns}, for real: the demo runs as its own process in its
 * own process group (as a shell's foreground job is), gets SIGINT on the whole group while its guests
 * lease their addresses (the guests' clients die of it too, as in a terminal), and must leave no
 * namespace (veths and bridges live only in the run's namespaces), no process of the run and no
 * guest's {@code /etc/netns} directory. Whatever
 * the test finds left is removed by it afterwards, so a failure leaves nothing either.
 */
@Tag("root")
class NetnsDemoInterruptTest {
    private static final Duration PROGRESS_WAIT = Duration.ofSeconds(60);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);
    /** What the demo prints once a guest holds its lease: the router, its daemons and the guests all exist. */
    private static final String MID_RUN = "ok   vm-1 DHCP lease";
    /** A JVM that ends on SIGINT exits 128 + 2. */
    private static final int SIGINT_EXIT = 130;

    private final IpTool ip = IpTool.system();

    @Test
    @Timeout(120)
    void aCtrlCMidRunLeavesNoNamespaceAndNoProcessBehind() throws Exception {
        NetnsDemoTest.requireRootAndTools();
        requireSigintDelivered();
        NetnsNames names = NetnsNames.unique("vc");
        Path work = Files.createTempDirectory("vrouter-demo-interrupt-");
        Path output = Files.createTempFile("vrouter-demo-interrupt-", ".out");
        Process demo = new ProcessBuilder("setsid", java(), "-cp", classPath(), "org.vrouter.cli.Main", "demo", "--backend", "netns", "--prefix",
                names.prefix(), "--out", work.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            awaitOutput(demo, output, MID_RUN);
            started.addAll(processesOfTheRun(demo, names));
            assertThat(ip.namespaces()).as("the run's namespaces before the interrupt").anyMatch(names::owns);

            // setsid made the demo the leader of its own process group: its pid is the group's id
            run("kill", "-INT", "--", "-" + demo.pid());

            assertThat(demo.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS)).as("the demo ends within %s of SIGINT", EXIT_WAIT).isTrue();
            String report = Files.readString(output, UTF_8);
            assertThat(demo.exitValue()).as(report).isEqualTo(SIGINT_EXIT);
            assertThat(report).contains("vrouter demo: interrupted; everything of prefix " + names.prefix() + " deleted");
            assertThat(ip.namespaces()).as("namespaces of the run after the interrupt").noneMatch(names::owns);
            assertThat(running(started)).as("processes of the run after the interrupt").isEmpty();
            assertThat(guestEtcDirectories(names)).as("the guests' /etc/netns directories after the interrupt").isEmpty();
        }
        finally {
            removeLeftovers(demo, started, names);
            deleteTree(work);
            Files.deleteIfExists(output);
        }
    }

    /** The demo's descendants and every process inside one of the run's namespaces (the routers' daemons were detached). */
    private List<ProcessHandle> processesOfTheRun(Process demo, NetnsNames names) throws IOException {
        List<ProcessHandle> processes = new ArrayList<>(demo.descendants().toList());
        for (String namespace : ip.namespaces()) {
            if (names.owns(namespace)) {
                for (long pid : ip.pids(namespace)) {
                    ProcessHandle.of(pid).ifPresent(processes::add);
                }
            }
        }
        return processes;
    }

    /** What {@code ip netns exec} would mount for a guest of the run: {@code /etc/netns/<namespace>/}. */
    private static List<String> guestEtcDirectories(NetnsNames names) throws IOException {
        Path etc = Path.of("/etc/netns");
        if (!Files.isDirectory(etc)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(etc)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(names::owns).toList();
        }
    }

    /**
     * The processes still running, each with its command line. A zombie has ended: the demo's children
     * that died of the SIGINT wait, after the demo's own exit, for the machine's init to reap them.
     */
    private static List<String> running(List<ProcessHandle> processes) {
        List<String> running = new ArrayList<>();
        for (ProcessHandle process : processes) {
            if (process.isAlive() && !isZombie(process.pid())) {
                running.add(process.pid() + " " + process.info().commandLine().orElse("(command line unknown)"));
            }
        }
        return running;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), UTF_8);
            // "pid (comm) S ...": the state follows the last ')', since comm may hold one
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        }
        catch (IOException e) {
            // gone while we looked: not running either way
            return true;
        }
    }

    private static void awaitOutput(Process demo, Path output, String expected) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PROGRESS_WAIT);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(output, UTF_8);
            if (text.contains(expected)) {
                return;
            }
            if (!demo.isAlive()) {
                throw new AssertionError("the demo ended (exit " + demo.exitValue() + ") before printing '" + expected + "':\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo did not print '" + expected + "' within " + PROGRESS_WAIT + ":\n" + Files.readString(output, UTF_8));
    }

    /** Only what this test started: the demo's group, the processes seen in the run's namespaces, the run's namespaces. */
    private void removeLeftovers(Process demo, List<ProcessHandle> started, NetnsNames names) throws IOException, InterruptedException {
        if (demo.isAlive()) {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
            demo.waitFor(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        started.forEach(ProcessHandle::destroyForcibly);
        for (String namespace : ip.namespaces()) {
            if (names.owns(namespace)) {
                ip.pids(namespace).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                ip.deleteNamespace(namespace);
            }
        }
    }

    /**
     * A JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps ignoring
     * it, and so would the demo this test starts: then there is no Ctrl-C to test.
     */
    private static void requireSigintDelivered() throws IOException {
        String status = Files.readString(Path.of("/proc/self/status"), UTF_8);
        long ignored = status.lines().filter(line -> line.startsWith("SigIgn:")).map(line -> Long.parseUnsignedLong(line.substring(7).strip(), 16))
                .findFirst().orElse(0L);
        if ((ignored & (1L << 1)) != 0) {
            String why = "this JVM ignores SIGINT (started in the background by a non-interactive shell), so the demo it starts would too";
            assertThat("true".equals(System.getenv("CI"))).as(why + "; CI=true, so this is a failure, not a skip").isFalse();
            Assumptions.abort(why);
        }
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), UTF_8);
        if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + text);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
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
}
