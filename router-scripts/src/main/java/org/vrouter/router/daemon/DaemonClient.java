package org.vrouter.router.daemon;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.vrouter.router.pipeline.EntryOutcome;

/**
 * A client of {@code vrouterd} in Java, doing what the shell clients ({@code update_config.py},
 * {@code vr_cfg.sh}) do: one request, one reply. Used by tests and the benchmark; the router's own
 * entry points are the shell scripts.
 */
public final class DaemonClient {
    private DaemonClient() {}

    /**
     * Sends a request and waits for the reply (as long as the run takes).
     *
     * @return the reply; empty when no daemon listens on {@code socket} (no socket file, or nobody
     *     accepting on it), in which case the caller runs the request one-shot
     * @throws IOException when the connection breaks, or the reply has no status line (the daemon died
     *     while running the request: running it again one-shot is safe)
     */
    public static Optional<EntryOutcome> send(Path socket, DaemonRequest request) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        }
        catch (SocketException e) {
            channel.close();
            // refused: a socket left by a daemon that is gone; or the socket was removed since we looked
            if (e instanceof ConnectException || !Files.exists(socket)) {
                return Optional.empty();
            }
            throw e;
        }
        try (channel) {
            ByteBuffer line = ByteBuffer.wrap((request.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            return Optional.of(DaemonProtocol.parseReply(Channels.newInputStream(channel).readAllBytes()));
        }
    }
}
