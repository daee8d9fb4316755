package org.vrouter.router.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a local process from an argv list: feeds its input and drains both outputs on their own
 * threads (so no pipe can fill up and block it), waits a bounded time, kills it on timeout.
 */
final class ProcessRunner {
    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);
    /** How long to keep reading output after the process exits (a daemon it started may hold the pipe). */
    private static final long DRAIN_MILLIS = 2_000;

    private ProcessRunner() {}

    /** Runs {@code argv} (which may differ from the call's, e.g. prefixed) with the call's input and timeout. */
    static ProgramResult run(List<String> argv, ProgramCall call) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        // tools' messages are parsed (iptables-restore's "line N"): keep them in English
        builder.environment().put("LC_ALL", "C");
        if (call.stdin().isEmpty()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        log.debug("running {}", call.commandLine());
        Process process = builder.start();
        Drain stdout = Drain.start(process.getInputStream(), "stdout");
        Drain stderr = Drain.start(process.getErrorStream(), "stderr");
        Thread feeder = call.stdin().map(input -> feed(process.getOutputStream(), input)).orElse(null);
        boolean finished;
        try {
            finished = process.waitFor(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + call.commandLine());
        }
        if (!finished) {
            kill(process);
            throw new ProgramTimeoutException(call.argv(), call.timeout());
        }
        if (feeder != null) {
            join(feeder);
        }
        return new ProgramResult(call.argv(), process.exitValue(), stdout.text(), stderr.text());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread feed(OutputStream input, String text) {
        Thread thread = new Thread(() -> {
            try (input) {
                input.write(text.getBytes(StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                // the program exited without reading all of its input; its exit status tells why
                log.debug("program closed its input early: {}", e.getMessage());
            }
        }, "host-run-stdin");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(DRAIN_MILLIS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one output stream to the end on its own thread. */
    private static final class Drain {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final InputStream stream;
        private final Thread thread;

        private Drain(InputStream stream, String name) {
            this.stream = stream;
            this.thread = new Thread(this::drain, "host-run-" + name);
            this.thread.setDaemon(true);
        }

        static Drain start(InputStream stream, String name) {
            Drain drain = new Drain(stream, name);
            drain.thread.start();
            return drain;
        }

        private void drain() {
            byte[] chunk = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(chunk)) >= 0) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, read);
                    }
                }
            }
            catch (IOException e) {
                // closed under us after the drain deadline; keep what was read
                log.debug("output stream closed: {}", e.getMessage());
            }
        }

        String text() {
            join(thread);
            if (thread.isAlive()) {
                // a background child still holds the pipe open: stop waiting for it
                try {
                    stream.close();
                }
                catch (IOException e) {
                    log.debug("closing output stream: {}", e.getMessage());
                }
            }
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
