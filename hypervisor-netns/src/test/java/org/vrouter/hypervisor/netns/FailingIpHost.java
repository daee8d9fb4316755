package org.vrouter.hypervisor.netns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * This machine, except that every program whose argv holds all of the given words fails with exit
 * status 2 without running, as {@code ip} does when the kernel refuses a change.
 */
final class FailingIpHost implements Host {
    private final Host machine = LocalHost.system();
    private final List<String> words;

    FailingIpHost(String... words) {
        this.words = List.of(words);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        if (call.argv().containsAll(words)) {
            return new ProgramResult(call.argv(), 2, "", "RTNETLINK answers: injected failure\n");
        }
        return machine.run(call);
    }

    @Override
    public Path resolve(String path) {
        return machine.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return machine.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        throw new IOException("the ip host writes no files");
    }

    @Override
    public boolean delete(String path) throws IOException {
        throw new IOException("the ip host deletes no files");
    }

    @Override
    public boolean exists(String path) throws IOException {
        return machine.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return machine.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        throw new IOException("the ip host creates no directories");
    }
}
