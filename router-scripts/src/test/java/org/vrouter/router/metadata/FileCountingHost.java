package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/** Real files under a root directory; records every path written or deleted. Runs no program. */
final class FileCountingHost extends ForwardingHost {
    private final List<String> written = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    FileCountingHost(Path root) {
        super(LocalHost.at(requireNonNull(root, "root is null")));
    }

    List<String> written() {
        return List.copyOf(written);
    }

    /** The paths written under {@code prefix}. */
    List<String> written(String prefix) {
        return written.stream().filter(path -> path.startsWith(prefix)).toList();
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }

    void clear() {
        written.clear();
        deleted.clear();
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        written.add(path);
        delegate().write(path, content, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        boolean done = delegate().delete(path);
        if (done) {
            deleted.add(path);
        }
        return done;
    }

    @Override
    public ProgramResult run(ProgramCall call) {
        throw new AssertionError("no program expected: " + call.commandLine());
    }
}
