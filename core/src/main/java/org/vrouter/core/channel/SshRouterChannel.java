package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.core.channel.RouterChannelException.Failure;

/**
 * {@link RouterChannel} over SSH with JSch (the maintained {@code com.github.mwiede} fork), as
 * CloudStack reaches a router: port 3922, user root, key login, one exec channel per command
 * line, files through the {@code scp -t} sink (see {@link ScpUpload}).
 *
 * <p>The session is opened on the first call, bounded by the smaller of
 * {@link SshSettings#connectTimeout()} and the call's own timeout, and reused until
 * {@link #close()}. With a {@link SshSettings#jumpHost() jump host} the channel logs in there
 * first and tunnels to the router. The host key is checked as {@link SshSettings#hostKeys()}
 * says; there is no silent fallback.
 *
 * <p>A command that outlives its timeout has its channel closed and the call throws
 * {@link Failure#TIMEOUT}; the remote process may still finish on its own (the router's own lock
 * keeps a late finisher from interleaving with the next command). A command that ends without an
 * exit status (killed by a signal, connection lost) is a {@link Failure#PROTOCOL} failure, never
 * a success. Not thread-safe, like every {@link RouterChannel}.
 */
public final class SshRouterChannel implements RouterChannel {
    private static final Logger log = LoggerFactory.getLogger(SshRouterChannel.class);
    private static final Pattern DIRECTORY = Pattern.compile("/(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");

    private final SshSettings settings;
    private final RouterEndpoint router;
    private final String label;
    private Session session;
    private Session jumpSession;

    public SshRouterChannel(SshSettings settings, RouterEndpoint router) {
        this.settings = requireNonNull(settings, "settings is null");
        this.router = requireNonNull(router, "router is null");
        this.label = "router " + router.name() + " (" + router.controlIp().value() + ":" + settings.port()
                + settings.jumpHost().map(jump -> " via " + jump.host() + ":" + jump.port()).orElse("") + ")";
    }

    /** Opens an {@link SshRouterChannel} per router with the same settings. */
    public static RouterChannelFactory factory(SshSettings settings) {
        requireNonNull(settings, "settings is null");
        return router -> new SshRouterChannel(settings, router);
    }

    @Override
    public void upload(String directory, String name, byte[] contents, Duration timeout) throws IOException {
        requirePlainPath(directory, name);
        requireNonNull(contents, "contents is null");
        Deadline deadline = Deadline.after(timeout);
        String what = label + ": " + directory + name;
        long started = System.nanoTime();
        ChannelExec channel = openExec(ScpUpload.sinkCommand(directory), deadline);
        try {
            CappedOutput errors = new CappedOutput(settings.maxOutputBytes());
            channel.setErrStream(errors, true);
            InputStream fromSink = channel.getInputStream();
            channel.connect(deadline.remainingMillisAtMost(settings.connectTimeout()));
            OutputStream toSink = channel.getOutputStream();
            try {
                new ScpUpload(channel, fromSink, toSink, deadline, what).send(name, contents);
            }
            catch (RouterChannelException e) {
                throw withStderr(e, errors);
            }
            int status = awaitExit(channel, deadline, what + " (scp)");
            if (status != 0) {
                throw new RouterChannelException(Failure.PROTOCOL, what + ": scp exited " + status + ": " + errors.text().strip());
            }
            log.debug("{}: wrote {}{} ({} bytes) in {} ms", label, directory, name, contents.length, millisSince(started));
        }
        catch (JSchException e) {
            throw new RouterChannelException(Failure.PROTOCOL, what + ": cannot start scp: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        }
        finally {
            channel.disconnect();
        }
    }

    @Override
    public ExecutionResult execute(String commandLine, Duration timeout) throws IOException {
        requireNonNull(commandLine, "commandLine is null");
        Deadline deadline = Deadline.after(timeout);
        String what = label + ": '" + commandLine + "'";
        long started = System.nanoTime();
        ChannelExec channel = openExec(commandLine, deadline);
        try {
            CappedOutput stdout = new CappedOutput(settings.maxOutputBytes());
            CappedOutput stderr = new CappedOutput(settings.maxOutputBytes());
            channel.setOutputStream(stdout, true);
            channel.setErrStream(stderr, true);
            channel.connect(deadline.remainingMillisAtMost(settings.connectTimeout()));
            channel.getOutputStream().close(); // EOF on stdin: a script that reads input must not wait for us
            int status = awaitExit(channel, deadline, what);
            ExecutionResult result = new ExecutionResult(status, stdout.text(), stderr.text());
            log.debug("{} exited {} in {} ms", what, status, millisSince(started));
            return result;
        }
        catch (JSchException e) {
            throw new RouterChannelException(Failure.PROTOCOL, what + ": cannot start the command: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        }
        finally {
            channel.disconnect();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.disconnect();
            session = null;
        }
        if (jumpSession != null) {
            jumpSession.disconnect();
            jumpSession = null;
        }
    }

    private ChannelExec openExec(String commandLine, Deadline deadline) throws IOException {
        Session current = session(deadline);
        try {
            ChannelExec channel = (ChannelExec) current.openChannel("exec");
            channel.setCommand(commandLine);
            return channel;
        }
        catch (JSchException e) {
            close();
            throw new RouterChannelException(Failure.CONNECT, label + ": cannot open a channel: " + e.getMessage(), e);
        }
    }

    private Session session(Deadline deadline) throws RouterChannelException {
        if (session != null && session.isConnected()) {
            return session;
        }
        close();
        int timeout = deadline.remainingMillisAtMost(settings.connectTimeout());
        Optional<Proxy> proxy = Optional.empty();
        if (settings.jumpHost().isPresent()) {
            JumpHost jump = settings.jumpHost().get();
            jumpSession = new SshConnector("jump host " + jump.host() + ":" + jump.port() + " (for " + label + ")",
                    jump.host(), jump.port(), jump.user(), jump.identity(), jump.hostKeys()).connect(timeout, Optional.empty());
            proxy = Optional.of(new TunnelProxy(jumpSession));
        }
        try {
            session = new SshConnector(label, router.controlIp().value(), settings.port(), settings.user(),
                    settings.identity(), settings.hostKeys()).connect(deadline.remainingMillisAtMost(settings.connectTimeout()), proxy);
        }
        catch (RouterChannelException e) {
            close();
            throw e;
        }
        return session;
    }

    /** Waits for the channel to close and returns the exit status; closes it at the deadline. */
    private int awaitExit(ChannelExec channel, Deadline deadline, String what) throws RouterChannelException, InterruptedException {
        for (int round = 0; !channel.isClosed(); round++) {
            if (deadline.expired()) {
                channel.disconnect();
                throw new RouterChannelException(Failure.TIMEOUT, what + " did not finish within " + deadline.describeBound());
            }
            deadline.pause(round);
        }
        int status = channel.getExitStatus();
        if (status < 0) {
            boolean connected = session != null && session.isConnected();
            throw new RouterChannelException(Failure.PROTOCOL, what + " ended without an exit status ("
                    + (connected ? "killed by a signal?" : "connection lost") + ")");
        }
        return status;
    }

    private static RouterChannelException withStderr(RouterChannelException e, CappedOutput errors) {
        String text = errors.text().strip();
        return text.isEmpty() ? e : new RouterChannelException(e.failure(), e.getMessage() + " [scp: " + text + "]", e);
    }

    private static void requirePlainPath(String directory, String name) {
        requireNonNull(directory, "directory is null");
        requireNonNull(name, "name is null");
        if (!DIRECTORY.matcher(directory).matches()) {
            throw new InvalidParameterException("directory", "must be an absolute path of plain names ending in /", directory);
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidParameterException("name", "must be a plain file name", name);
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
