package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Locale;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * One address and port the {@link MetadataServer} listens on, and what it serves there: VM data
 * ({@link Kind#METADATA}, port 80 on a router) or passwords ({@link Kind#PASSWORD}, port 8080).
 *
 * @param port 1 to 65535, or 0 for a port the system picks (tests)
 */
public record Listener(Kind kind, IpAddress address, int port) implements Comparable<Listener> {
    private static final Comparator<Listener> ORDER = Comparator.comparing(Listener::kind).thenComparing(Listener::address)
            .thenComparingInt(Listener::port);

    /** What a listener serves. */
    public enum Kind {
        /** User data and metadata, CloudStack's {@code /latest/...} paths; port 80. */
        METADATA(80),
        /** CloudStack's password server protocol; port 8080. */
        PASSWORD(8080);

        private final int defaultPort;

        Kind(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port CloudStack's VMs use. */
        public int defaultPort() {
            return defaultPort;
        }

        /** The word of the configuration file. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Listener {
        requireNonNull(kind, "kind is null");
        requireNonNull(address, "address is null");
        if (port < 0 || port > 65535) {
            throw new InvalidParameterException("port", "must be 0 to 65535", port);
        }
    }

    /** The listener of {@code kind} on its default port. */
    public static Listener of(Kind kind, IpAddress address) {
        return new Listener(kind, address, kind.defaultPort());
    }

    @Override
    public int compareTo(Listener other) {
        return ORDER.compare(this, other);
    }

    /** {@code metadata 10.1.1.1 80}: a line of the configuration file. */
    @Override
    public String toString() {
        return kind.word() + " " + address + " " + port;
    }
}
