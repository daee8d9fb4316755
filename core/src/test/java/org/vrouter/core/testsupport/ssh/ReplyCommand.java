package org.vrouter.core.testsupport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/** Writes a fixed standard output, then exits with a fixed status; reads nothing, writes no stderr. */
public final class ReplyCommand extends ExecCommand {
    private final int exitStatus;
    private final String stdout;

    public ReplyCommand(int exitStatus, String stdout) {
        this.exitStatus = exitStatus;
        this.stdout = requireNonNull(stdout, "stdout is null");
    }

    /** Exits 0 without output. */
    public static ReplyCommand success() {
        return new ReplyCommand(0, "");
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        out.write(stdout.getBytes(UTF_8));
        out.flush();
        exit.onExit(exitStatus);
    }
}
