package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

/**
 * A JSch {@link Proxy} that carries the router session inside a {@code direct-tcpip} channel of
 * a session to the jump host: what {@code ssh -J jump router} does. No local port is opened.
 */
final class TunnelProxy implements Proxy {
    private final Session jump;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    TunnelProxy(Session jump) {
        this.jump = requireNonNull(jump, "jump is null");
    }

    @Override
    public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
        channel = jump.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
        closeQuietly(in);
        closeQuietly(out);
    }

    private static void closeQuietly(java.io.Closeable stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        }
        catch (IOException e) {
            // the tunnel is being torn down; a failing close leaves nothing to clean up
        }
    }
}
