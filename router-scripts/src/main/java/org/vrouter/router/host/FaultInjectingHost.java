package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Host} for crash-safety tests: it passes every operation to another host, except the
 * N-th write (a {@link #write} or {@link #delete}) or the N-th {@link #run}, which it fails or turns
 * into a halt.
 *
 * <ul>
 *   <li>{@link Mode#FAIL}: the operation is not performed and throws {@link IOException}; later
 *       operations go through, as after a transient error.</li>
 *   <li>{@link Mode#HALT}: the operation is not performed and throws {@link HostHaltedException},
 *       and so does every later operation, reads included, as if the machine had lost power. A test
 *       then builds fresh objects over the underlying host to model the restart.</li>
 * </ul>
 *
 * It also counts the writes and runs it let through, so a test can assert "no process at all".
 */
public final class FaultInjectingHost implements Host {
    /** Which kind of operation is counted. */
    public enum Operation { WRITE, RUN }

    /** What happens at the chosen operation. */
    public enum Mode { FAIL, HALT }

    private final Host delegate;
    private final Operation operation;
    private final int nth;
    private final Mode mode;
    private int writeAttempts;
    private int runAttempts;
    private int writes;
    private int runs;
    private boolean halted;

    /**
     * @param nth the 1-based index of the operation to break; 0 never breaks anything (counting only)
     */
    public FaultInjectingHost(Host delegate, Operation operation, int nth, Mode mode) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.operation = requireNonNull(operation, "operation is null");
        this.mode = requireNonNull(mode, "mode is null");
        if (nth < 0) {
            throw new IllegalArgumentException("nth must not be negative: " + nth);
        }
        this.nth = nth;
    }

    /** A host that only counts. */
    public static FaultInjectingHost counting(Host delegate) {
        return new FaultInjectingHost(delegate, Operation.WRITE, 0, Mode.FAIL);
    }

    /** Writes and deletes let through so far (the broken one is not counted). */
    public synchronized int writes() {
        return writes;
    }

    /** Programs let through so far (the broken one is not counted). */
    public synchronized int runs() {
        return runs;
    }

    public synchronized boolean halted() {
        return halted;
    }

    @Override
    public Path resolve(String path) {
        return delegate.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        checkAlive();
        return delegate.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        beforeWrite(path);
        delegate.write(path, content, mode);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode, boolean durable) throws IOException {
        beforeWrite(path);
        delegate.write(path, content, mode, durable);
    }

    @Override
    public boolean delete(String path) throws IOException {
        beforeWrite(path);
        return delegate.delete(path);
    }

    @Override
    public Optional<FileVersion> version(String path) throws IOException {
        checkAlive();
        return delegate.version(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        checkAlive();
        return delegate.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        checkAlive();
        return delegate.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        checkAlive();
        delegate.createDirectories(path);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        synchronized (this) {
            checkAlive();
            runAttempts++;
            if (operation == Operation.RUN && runAttempts == nth) {
                breakAt("run #" + nth + " (" + call.commandLine() + ")");
            }
            runs++;
        }
        return delegate.run(call);
    }

    private synchronized void beforeWrite(String path) throws IOException {
        checkAlive();
        writeAttempts++;
        if (operation == Operation.WRITE && writeAttempts == nth) {
            breakAt("write #" + nth + " (" + path + ")");
        }
        writes++;
    }

    private void breakAt(String where) throws IOException {
        if (mode == Mode.HALT) {
            halted = true;
            throw new HostHaltedException("halted at " + where);
        }
        throw new IOException("injected failure at " + where);
    }

    private synchronized void checkAlive() {
        if (halted) {
            throw new HostHaltedException("host has halted");
        }
    }
}
