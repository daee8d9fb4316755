package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Host} that hands every call to another: the base of a host that changes one thing (scripts the
 * programs' answers, records them, counts writes, refuses some) and leaves the rest to a real host.
 *
 * <p>The durable variants of {@link #write(String, byte[], FileMode, boolean) write} and
 * {@link #delete(String, boolean) delete}, and {@link #version}, keep {@link Host}'s defaults, which go
 * through {@link #write(String, byte[], FileMode)}, {@link #delete(String)} and {@link #resolve}: a subclass
 * that overrides those sees every call.
 */
public abstract class ForwardingHost implements Host {
    private final Host delegate;

    protected ForwardingHost(Host delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** The host every call goes to. */
    protected final Host delegate() {
        return delegate;
    }

    @Override
    public Path resolve(String path) {
        return delegate.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        delegate.write(path, content, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        return delegate.delete(path);
    }

    @Override
    public Optional<String> liveProcessCommand(String pidFile) throws IOException {
        return delegate.liveProcessCommand(pidFile);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return delegate.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return delegate.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        delegate.createDirectories(path);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        return delegate.run(call);
    }
}
