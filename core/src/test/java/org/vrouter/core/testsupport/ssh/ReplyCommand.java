package org.vrouter.core.testsupport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** Writes a fixed standard output, then exits with a fixed status; reads nothing, writes no stderr. */
public final class ReplyCommand implements Command {
    private final int exitStatus;
    private final String stdout;
    private OutputStream out;
    private ExitCallback exit;

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

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs in the background
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {
        // reads no input
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // nothing written to stderr
    }
}
