package org.vrouter.hypervisor.netns;

import java.io.IOException;
import java.util.List;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * This machine, except that every program whose argv holds all of the given words fails with exit
 * status 2 without running, as {@code ip} does when the kernel refuses a change.
 */
final class FailingIpHost extends ForwardingHost {
    private final List<String> words;

    FailingIpHost(String... words) {
        super(LocalHost.system());
        this.words = List.of(words);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        if (call.argv().containsAll(words)) {
            return new ProgramResult(call.argv(), 2, "", "RTNETLINK answers: injected failure\n");
        }
        return delegate().run(call);
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
    public void createDirectories(String path) throws IOException {
        throw new IOException("the ip host creates no directories");
    }
}
