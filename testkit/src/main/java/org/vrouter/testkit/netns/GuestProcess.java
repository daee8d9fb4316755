package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.vrouter.hypervisor.netns.guest.GuestVm;

/**
 * A long-running program started inside a {@link GuestVm} (a listener, an HTTP responder) by
 * {@code ip netns exec}, its output going to a file. {@link #close()} ends exactly this process
 * (and its children) by pid; the guest's own close ends whatever else is left in its namespace.
 * Not thread-safe.
 */
public final class GuestProcess implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String description;
    private final Process process;
    private final Path output;
    private final Optional<Path> scratch;

    private GuestProcess(String description, Process process, Path output, Optional<Path> scratch) {
        this.description = description;
        this.process = process;
        this.output = output;
        this.scratch = scratch;
    }

    /**
     * Starts {@code argv} inside {@code guest}; stdout and stderr go to a temporary file ({@link #output()}).
     *
     * @throws IOException when the program cannot be started
     */
    public static GuestProcess start(GuestVm guest, String... argv) throws IOException {
        return start(guest, Optional.empty(), List.of(argv));
    }

    /**
     * Starts {@code argv} inside {@code guest}; {@code scratch}, a directory the program uses (an
     * HTTP responder's documents), is deleted with the process.
     *
     * @throws IOException when the program cannot be started
     */
    public static GuestProcess start(GuestVm guest, Optional<Path> scratch, List<String> argv) throws IOException {
        requireNonNull(guest, "guest is null");
        requireNonNull(scratch, "scratch is null");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", guest.namespace()));
        command.addAll(argv);
        Path output = Files.createTempFile("vrouter-guest-process-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new GuestProcess(guest.name() + ": " + String.join(" ", argv), process, output, scratch);
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes {@code text} to the process's standard input and flushes it: what a client holding a
     * connection open ({@link HeldConnection}) sends through it.
     *
     * @throws IOException when the process closed its input (it ended)
     */
    public void send(String text) throws IOException {
        requireNonNull(text, "text is null");
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** What the process wrote so far (stdout and stderr). */
    public String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Ends the process and its children by pid, waits for it (bounded) and deletes its output file. */
    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("process " + process.pid() + " (" + description + ") did not end within " + STOP_WAIT);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ending " + description, e);
        }
        finally {
            Files.deleteIfExists(output);
            if (scratch.isPresent()) {
                deleteTree(scratch.get());
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

    @Override
    public String toString() {
        return "GuestProcess[" + process.pid() + ", " + description + "]";
    }
}
