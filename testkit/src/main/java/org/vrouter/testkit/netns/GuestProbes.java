package org.vrouter.testkit.netns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.api.net.IpAddress;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * What the end-to-end tests and the netns demo do inside guests to prove a router works: serve and
 * fetch HTTP (busybox {@code httpd}, {@code curl}), ask the router's DNS ({@code dig}), see the
 * source address a connection arrives from ({@code nc -l -v} of netcat-openbsd), and send a UDP
 * datagram through ({@code nc -u}), fetch a VM's user data and password from the router's metadata
 * server ({@link #fetch}, with headers), count a server's established connections ({@code ss}). Every
 * call is bounded; servers are {@link GuestProcess}es the caller closes. Stateless.
 */
public final class GuestProbes {
    /** How long one client call may take. */
    public static final Duration CLIENT_LIMIT = Duration.ofSeconds(3);
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);
    private static final Pattern RECEIVED = Pattern.compile("Connection received on (\\S+) \\d+");

    private GuestProbes() {}

    /**
     * Starts an HTTP responder in {@code guest} on {@code port} whose every page is {@code body}
     * (plus a newline), and waits until it listens.
     *
     * @throws IOException when it does not listen within a few seconds
     */
    public static GuestProcess httpResponder(GuestVm guest, int port, String body) throws IOException {
        Path documents = Files.createTempDirectory("vrouter-httpd-");
        Files.setPosixFilePermissions(documents, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(documents.resolve("index.html"), body + "\n", UTF_8);
        GuestProcess server = GuestProcess.start(guest, Optional.of(documents),
                List.of("busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", documents.toString()));
        awaitListening(guest, server, "tcp", port);
        return server;
    }

    /**
     * {@code GET http://address:port/} from {@code client}: the body, stripped.
     *
     * @return empty when no answer came within {@link #CLIENT_LIMIT} (refused, dropped, timed out)
     */
    public static Optional<String> httpGet(GuestVm client, IpAddress address, int port) throws IOException {
        ProgramResult result = client.run(ProgramCall.of("curl", "-s", "--noproxy", "*", "--max-time", Long.toString(CLIENT_LIMIT.toSeconds()),
                "http://" + address.value() + ":" + port + "/").withTimeout(CLIENT_LIMIT.plusSeconds(2)));
        return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    /**
     * Asks {@code GET http://address:port/} from {@code client} until every body of {@code bodies}
     * has answered or {@code limit} has passed, a quarter second apart. A load balancer whose
     * backends started after it answers 503 until its health checks mark them up (two good checks,
     * two seconds apart); this waits that out instead of sleeping a fixed time.
     *
     * @return the expected bodies that answered (all of them unless the limit passed)
     */
    public static Set<String> awaitAnswersFrom(GuestVm client, IpAddress address, int port, Set<String> bodies, Duration limit)
            throws IOException {
        Instant deadline = Instant.now().plus(limit);
        Set<String> seen = new HashSet<>();
        while (!seen.containsAll(bodies) && Instant.now().isBefore(deadline)) {
            httpGet(client, address, port).filter(bodies::contains).ifPresent(seen::add);
            if (!seen.containsAll(bodies)) {
                pause(Duration.ofMillis(250));
            }
        }
        return Set.copyOf(seen);
    }

    /** {@code dig @server name +short} from {@code client}: the A records' addresses (empty for none). */
    public static List<String> digA(GuestVm client, IpAddress server, String name) throws IOException {
        ProgramResult result = client.run(ProgramCall.of("dig", "@" + server.value(), name, "A", "+short", "+time=2", "+tries=1")
                .withTimeout(CLIENT_LIMIT.plusSeconds(2)));
        return result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Listens on tcp {@code port} of {@code listener}, connects from {@code client} to
     * {@code address:port}, and returns the source address the listener saw.
     *
     * @return empty when the connection did not arrive within {@link #CLIENT_LIMIT}
     */
    public static Optional<String> sourceSeen(GuestVm listener, int port, GuestVm client, IpAddress address) throws IOException {
        try (GuestProcess server = GuestProcess.start(listener, "nc", "-l", "-n", "-v", Integer.toString(port))) {
            awaitListening(listener, server, "tcp", port);
            client.run(ProgramCall.of("nc", "-N", "-w", Long.toString(CLIENT_LIMIT.toSeconds()), address.value(), Integer.toString(port))
                    .withStdin("hello\n").withTimeout(CLIENT_LIMIT.plusSeconds(2)));
            Matcher received = RECEIVED.matcher(server.output());
            return received.find() ? Optional.of(received.group(1)) : Optional.empty();
        }
    }

    /**
     * Listens on udp {@code port} of {@code listener}, sends one datagram from {@code client} to
     * {@code address:sentPort}, and tells whether it arrived within {@link #CLIENT_LIMIT}.
     */
    public static boolean udpDelivered(GuestVm listener, int port, GuestVm client, IpAddress address, int sentPort) throws IOException {
        String payload = "vrouter-udp-probe";
        try (GuestProcess server = GuestProcess.start(listener, "nc", "-u", "-l", "-n", Integer.toString(port))) {
            awaitListening(listener, server, "udp", port);
            client.run(ProgramCall.of("nc", "-u", "-w", "1", address.value(), Integer.toString(sentPort)).withStdin(payload + "\n")
                    .withTimeout(CLIENT_LIMIT));
            Instant deadline = Instant.now().plus(CLIENT_LIMIT);
            while (Instant.now().isBefore(deadline)) {
                if (server.output().contains(payload)) {
                    return true;
                }
                pause();
            }
            return false;
        }
    }

    /**
     * {@code GET url} from {@code client} with each of {@code headers} ({@code "Name: value"}): the
     * body when the server answered 2xx, unstripped (user data is returned byte for byte as text).
     *
     * @return empty when no 2xx answer came within {@link #CLIENT_LIMIT}
     */
    public static Optional<String> fetch(GuestVm client, String url, String... headers) throws IOException {
        List<String> argv = new ArrayList<>(List.of("curl", "-s", "-f", "--noproxy", "*", "--max-time", Long.toString(CLIENT_LIMIT.toSeconds())));
        for (String header : headers) {
            argv.add("-H");
            argv.add(header);
        }
        argv.add(url);
        ProgramResult result = client.run(ProgramCall.of(argv).withTimeout(CLIENT_LIMIT.plusSeconds(2)));
        return result.succeeded() ? Optional.of(result.stdout()) : Optional.empty();
    }

    /** How many established tcp connections {@code guest} holds on its local {@code port} (a server's clients). */
    public static int establishedOn(GuestVm guest, int port) throws IOException {
        ProgramResult sockets = guest.run("ss", "-H", "-tn", "state", "established", "sport", "= :" + port);
        return (int) sockets.stdout().lines().filter(line -> !line.isBlank()).count();
    }

    static void awaitListening(GuestVm guest, GuestProcess server, String protocol, int port) throws IOException {
        requireNonNull(server, "server is null");
        Instant deadline = Instant.now().plus(LISTEN_WAIT);
        String option = protocol.equals("udp") ? "-uln" : "-tln";
        while (Instant.now().isBefore(deadline)) {
            ProgramResult sockets = guest.run("ss", "-H", option, "sport", "= :" + port);
            if (!sockets.stdout().isBlank()) {
                return;
            }
            if (!server.isAlive()) {
                throw new IOException(server + " ended before listening on " + port + ": " + server.output().strip());
            }
            pause();
        }
        throw new IOException(server + " does not listen on " + protocol + "/" + port + " after " + LISTEN_WAIT);
    }

    static void pause() throws IOException {
        pause(Duration.ofMillis(50));
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
