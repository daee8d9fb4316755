package org.vrouter.router.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace for one test, uniquely named after this JVM's pid; {@link #close()} deletes
 * it. Creating one skips the test (fails it under CI) unless it runs as root with the tools given.
 * Every program of the test runs inside it, so the machine's own iptables are never touched.
 */
public final class TestNamespace implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    public static TestNamespace create(String... tools) throws IOException {
        SystemTools.requireRoot();
        SystemTools.require("ip");
        SystemTools.require(tools);
        String name = "vrt-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        LocalHost.system().run(ProgramCall.of("ip", "netns", "add", name).withTimeout(LIMIT)).requireSuccess();
        return new TestNamespace(name);
    }

    public String name() {
        return name;
    }

    /** A host whose files live under {@code root} and whose programs run in this namespace. */
    public NamespaceHost host(Path root) {
        return new NamespaceHost(root, name);
    }

    /** Runs a program in the namespace and insists that it succeeds. */
    public ProgramResult run(String... argv) throws IOException {
        return host(Path.of("/nonexistent")).run(ProgramCall.of(argv).withTimeout(LIMIT)).requireSuccess();
    }

    @Override
    public void close() throws IOException {
        LocalHost.system().run(ProgramCall.of("ip", "netns", "delete", name).withTimeout(LIMIT)).requireSuccess();
    }
}
