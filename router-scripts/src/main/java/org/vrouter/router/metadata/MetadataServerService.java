package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.ServiceManager;

/**
 * The {@code metadata-server} service: the {@link MetadataServer} daemon ({@value #DAEMON_NAME}) and its
 * listeners ({@value MetadataPaths#SERVER_CONFIG}, from {@link MetadataServerInputs}). The running server
 * re-reads that file by itself, so a changed file is only written (and the daemon started, which does
 * nothing when it runs); an unchanged one runs no program. No guest address stops the daemon. Repair also
 * starts a daemon that should run and does not. Depends on {@code addresses}: it binds the guest addresses.
 * Skipped before the boot arguments are known and on an internal load balancer VM.
 */
public final class MetadataServerService implements ServiceConverger {
    public static final String NAME = "metadata-server";
    /** The systemd unit, and the pid file's name when started directly. */
    public static final String DAEMON_NAME = "vrouter-metadata";

    private final Host host;
    private final ServiceManager services;
    private final Daemon daemon;
    private final Set<String> dependsOn;

    public MetadataServerService(Host host, ServiceManager services, Daemon daemon, Set<String> dependsOn) {
        this.host = requireNonNull(host, "host is null");
        this.services = requireNonNull(services, "services is null");
        this.daemon = requireNonNull(daemon, "daemon is null");
        this.dependsOn = Set.copyOf(dependsOn);
    }

    /**
     * The daemon as the direct service manager starts it: {@link MetadataServerMain} in this JVM's Java
     * with this JVM's class path, over the host's root. (systemd ignores the argv: the router image's unit
     * {@code vrouter-metadata.service} runs {@code vrouter metadata-server --root /}.)
     */
    public static Daemon daemon(Host host) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Daemon.of(DAEMON_NAME, List.of(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MetadataServerMain.class.getName(), "--root", host.resolve("/").toString(),
                "--config", host.resolve(MetadataPaths.SERVER_CONFIG).toString()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.CMD_LINE, BagKey.IPS);
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        Optional<String> skip = skipReason(databags);
        if (skip.isPresent()) {
            return ServiceResult.skipped(skip.get());
        }
        MetadataServerConfig config = MetadataServerInputs.from(databags);
        Optional<String> previous = host.readText(MetadataPaths.SERVER_CONFIG);
        if (previous.filter(config.text()::equals).isPresent()) {
            return ServiceResult.unchanged(List.of());
        }
        host.writeText(MetadataPaths.SERVER_CONFIG, config.text(), FileMode.PUBLIC);
        try {
            if (config.listeners().isEmpty()) {
                services.stop(daemon);
                return ServiceResult.applied("no guest address: " + DAEMON_NAME + " stopped", List.of());
            }
            services.start(daemon);
        }
        catch (IOException | RuntimeException e) {
            // the previous file back, so that the next converge sees the difference and tries again
            restore(previous);
            throw e;
        }
        return ServiceResult.applied(MetadataPaths.SERVER_CONFIG + ": " + DAEMON_NAME + " listens on " + config.listeners(), List.of());
    }

    private void restore(Optional<String> previous) throws IOException {
        if (previous.isPresent()) {
            host.writeText(MetadataPaths.SERVER_CONFIG, previous.get(), FileMode.PUBLIC);
        }
        else {
            host.delete(MetadataPaths.SERVER_CONFIG);
        }
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        Optional<String> skip = skipReason(databags);
        if (skip.isPresent()) {
            return ServiceResult.skipped(skip.get());
        }
        MetadataServerConfig config = MetadataServerInputs.from(databags);
        List<String> done = new ArrayList<>();
        if (host.readText(MetadataPaths.SERVER_CONFIG).filter(config.text()::equals).isEmpty()) {
            host.writeText(MetadataPaths.SERVER_CONFIG, config.text(), FileMode.PUBLIC);
            done.add(MetadataPaths.SERVER_CONFIG + " written");
        }
        boolean running = services.isRunning(daemon);
        if (config.listeners().isEmpty() && running) {
            services.stop(daemon);
            done.add(DAEMON_NAME + " stopped");
        }
        else if (!config.listeners().isEmpty() && !running) {
            services.start(daemon);
            done.add(DAEMON_NAME + " was not running: started");
        }
        return done.isEmpty() ? ServiceResult.unchanged(List.of()) : ServiceResult.applied(String.join("; ", done), List.of());
    }

    @Override
    public ServiceRendering render(Databags databags) {
        Optional<String> skip = skipReason(databags);
        return skip.map(reason -> ServiceRendering.skipped(NAME, reason)).orElseGet(() -> ServiceRendering.rendered(NAME, "",
                Map.of(MetadataPaths.SERVER_CONFIG, MetadataServerInputs.from(databags).text())));
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        Optional<String> skip = skipReason(databags);
        if (skip.isPresent()) {
            return ServiceDrift.skipped(NAME, skip.get());
        }
        MetadataServerConfig config = MetadataServerInputs.from(databags);
        List<String> differences = new ArrayList<>();
        FileDrift.of(host, MetadataPaths.SERVER_CONFIG, config.text().getBytes(StandardCharsets.UTF_8))
                .ifPresent(differences::add);
        boolean running = services.isRunning(daemon);
        if (!config.listeners().isEmpty() && !running) {
            differences.add(DAEMON_NAME + " is not running");
        }
        else if (config.listeners().isEmpty() && running) {
            differences.add(DAEMON_NAME + " runs with no guest address to serve");
        }
        return ServiceDrift.of(NAME, differences);
    }

    private static Optional<String> skipReason(Databags databags) {
        CmdLineBag cmdLine = requireNonNull(databags, "databags is null").cmdLine();
        if (cmdLine.isEmpty()) {
            return Optional.of("no boot arguments yet (cmd_line.json has not been processed)");
        }
        if (cmdLine.routerType().filter(CmdLineBag.INTERNAL_LB_VM::equals).isPresent()) {
            return Optional.of("type=" + CmdLineBag.INTERNAL_LB_VM + ": an internal load balancer VM serves no VM data");
        }
        return Optional.empty();
    }
}
