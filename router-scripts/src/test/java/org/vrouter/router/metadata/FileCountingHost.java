package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/** Real files under a root directory; records every path written or deleted. Runs no program. */
final class FileCountingHost implements Host {
    private final Host files;
    private final List<String> written = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    FileCountingHost(Path root) {
        this.files = LocalHost.at(requireNonNull(root, "root is null"));
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
    public Path resolve(String path) {
        return files.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return files.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        written.add(path);
        files.write(path, content, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        boolean done = files.delete(path);
        if (done) {
            deleted.add(path);
        }
        return done;
    }

    @Override
    public boolean exists(String path) throws IOException {
        return files.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return files.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        files.createDirectories(path);
    }

    @Override
    public ProgramResult run(ProgramCall call) {
        throw new AssertionError("no program expected: " + call.commandLine());
    }
}
