package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.vrouter.api.net.IpAddress;
import org.vrouter.hypervisor.netns.guest.GuestVm;

/**
 * One TCP connection held open through a router: a listener ({@code nc -l}) in one guest, a client
 * ({@code nc}) in another connected to an address that leads there (a port forward, a static NAT),
 * and lines sent through it on demand. What proves that removing a NAT rule cuts the connections it
 * already carries, not only new ones: the kernel keeps translating an established flow after its
 * rule is gone until the router deletes its connection-tracking entry. {@link #close()} ends both
 * processes. Not thread-safe.
 */
public final class HeldConnection implements AutoCloseable {
    private static final AtomicInteger LINES = new AtomicInteger();

    private final GuestProcess listener;
    private final GuestProcess client;

    private HeldConnection(GuestProcess listener, GuestProcess client) {
        this.listener = listener;
        this.client = client;
    }

    /**
     * Listens on tcp {@code listenPort} of {@code listenerGuest}, connects from {@code clientGuest}
     * to {@code address:port}, and checks that a first line gets through.
     *
     * @throws IOException when the listener does not start or the first line does not arrive within
     *     {@link GuestProbes#CLIENT_LIMIT} (nothing is left running then)
     */
    public static HeldConnection open(GuestVm listenerGuest, int listenPort, GuestVm clientGuest, IpAddress address, int port)
            throws IOException {
        requireNonNull(address, "address is null");
        GuestProcess listener = GuestProcess.start(listenerGuest, "nc", "-l", "-n", Integer.toString(listenPort));
        GuestProcess client = null;
        try {
            GuestProbes.awaitListening(listenerGuest, listener, "tcp", listenPort);
            client = GuestProcess.start(clientGuest, "nc", "-n", address.value(), Integer.toString(port));
            HeldConnection connection = new HeldConnection(listener, client);
            if (!connection.carries(GuestProbes.CLIENT_LIMIT)) {
                throw new IOException("no connection from " + clientGuest.name() + " to " + address.value() + ":" + port + " reached "
                        + listenerGuest.name() + ":" + listenPort + " within " + GuestProbes.CLIENT_LIMIT + "; client: "
                        + client.output().strip());
            }
            return connection;
        }
        catch (IOException | RuntimeException e) {
            if (client != null) {
                closeQuietly(client, e);
            }
            closeQuietly(listener, e);
            throw e;
        }
    }

    /**
     * Sends a new line from the client and tells whether the listener received it within
     * {@code limit}. False also when the client has ended (its connection was reset).
     */
    public boolean carries(Duration limit) throws IOException {
        String line = "vrouter-held-line-" + LINES.incrementAndGet();
        if (!client.isAlive()) {
            return false;
        }
        try {
            client.send(line + "\n");
        }
        catch (IOException e) {
            // the client ended between the check and the write: its connection is gone
            return false;
        }
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (listener.output().contains(line)) {
                return true;
            }
            GuestProbes.pause();
        }
        return listener.output().contains(line);
    }

    /** Ends the client, then the listener; both are attempted. */
    @Override
    public void close() throws IOException {
        try {
            client.close();
        }
        finally {
            listener.close();
        }
    }

    private static void closeQuietly(GuestProcess process, Exception cause) {
        try {
            process.close();
        }
        catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "HeldConnection[" + client + " -> " + listener + "]";
    }
}
