package org.vrouter.router.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * A router root in a temporary directory for daemon tests: its host, a converger that records (and can
 * fail), entry points built the daemon's way (caching store) or the one-shot way, and a view of its files.
 */
final class DaemonFixture {
    static final String DHCP = "{\"host_name\":\"vm-1\",\"mac_address\":\"02:00:4c:5f:00:01\",\"ipv4_address\":\"10.1.1.23\","
            + "\"default_entry\":true,\"remove\":false,\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";

    final Path root;
    final Host host;
    final RecordingConverger converger = new RecordingConverger();
    private final AtomicLong uuids = new AtomicLong();

    DaemonFixture(Path root) {
        this.root = root;
        this.host = new DryRunHost(root);
    }

    /** A DHCP entry for VM number {@code n} (1..250). */
    static String dhcp(int n) {
        return DHCP.replace("vm-1", "vm-" + n).replace("00:01\"", String.format("00:%02x\"", n)).replace("10.1.1.23", "10.1.1." + n);
    }

    /** The entry points as vrouterd builds them: bags cached between requests. */
    EntryPoints daemonEntryPoints() {
        return daemonEntryPoints(false);
    }

    /** The entry points as vrouterd builds them, settled by the daemon once idle if {@code settleLater}. */
    EntryPoints daemonEntryPoints(boolean settleLater) {
        PayloadCodec codec = new PayloadCodec();
        return new EntryPoints(host, converger, codec, DatabagStore.caching(host, codec, Clock.systemUTC()),
                options().withSettleLater(settleLater));
    }

    /** The entry points as one run of the command line builds them. */
    EntryPoints oneShot() {
        PayloadCodec codec = new PayloadCodec();
        return new EntryPoints(host, converger, codec, new DatabagStore(host, codec), options());
    }

    /** Deterministic archive names, so that two roots fed alike end alike. */
    private PipelineOptions options() {
        return PipelineOptions.defaults().withLockTimeout(Duration.ofSeconds(20)).withUuids(() -> new UUID(0, uuids.incrementAndGet()));
    }

    Path socket() {
        return host.resolve(Vrouterd.SOCKET_PATH);
    }

    Vrouterd startDaemon() throws IOException {
        return Vrouterd.start(socket(), List.of(daemonEntryPoints()), Duration.ofSeconds(20), Metrics.NOOP);
    }

    EntryOutcome send(String line) throws IOException, MalformedRequestException {
        return DaemonClient.send(socket(), DaemonRequest.parse(line)).orElseThrow(() -> new IOException("no daemon on " + socket()));
    }

    void deliver(String name, String json) {
        write("/var/cache/cloud/" + name, json);
    }

    void write(String path, String text) {
        try {
            host.writeText(path, text, FileMode.PUBLIC);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Databags bags() {
        try {
            return new DatabagStore(host, new PayloadCodec()).load().databags();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the root but {@code /run} (lock file, socket), with mode and content. */
    Map<String, String> tree() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = "/" + root.relativize(path);
                if (!relative.startsWith("/run/")) {
                    files.put(relative, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Records every converge; answers success, or a failed firewall once told to. */
    static final class RecordingConverger implements Converger {
        private final List<ConvergeRequest> requests = new ArrayList<>();
        private Optional<String> failure = Optional.empty();
        private int settles;

        synchronized void fail(String detail) {
            failure = Optional.of(detail);
        }

        @Override
        public synchronized ConvergeResult converge(ConvergeRequest request) {
            requests.add(request);
            return ConvergeResult.of(List.of(failure
                    .map(detail -> new ServiceOutcome("firewall", ServiceOutcome.Status.FAILED, detail, Duration.ZERO))
                    .orElse(new ServiceOutcome("recording", ServiceOutcome.Status.APPLIED, "", Duration.ZERO))));
        }

        synchronized List<ConvergeRequest> requests() {
            return List.copyOf(requests);
        }

        @Override
        public synchronized boolean settle() {
            settles++;
            return true;
        }

        synchronized int settles() {
            return settles;
        }
    }
}
