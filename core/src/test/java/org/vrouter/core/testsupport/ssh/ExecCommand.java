package org.vrouter.core.testsupport.ssh;

import java.io.InputStream;
import java.io.OutputStream;

import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * What every fake exec command shares: the channel's streams and exit callback, as sshd hands them
 * over before {@code start}. A subclass reads {@link #in}, writes {@link #out} / {@link #err} and
 * reports through {@link #exit}; {@code destroy} does nothing unless it has something running.
 */
abstract class ExecCommand implements Command {
    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    protected ExitCallback exit;

    @Override
    public void destroy(ChannelSession channel) {
        // nothing runs in the background unless a subclass says so
    }

    @Override
    public final void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public final void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public final void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        this.err = err;
    }
}
