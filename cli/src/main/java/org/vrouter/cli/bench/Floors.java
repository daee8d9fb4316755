package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the machine itself needs, measured with the real tools beside the router's figures: one bare
 * {@code iptables-restore} of a ruleset into a fresh namespace, and one dnsmasq reload (SIGHUP until it
 * logs that it has read the hosts file) with N hosts. Empty when the sandbox runs no programs.
 */
final class Floors {
    private static final int RUNS = 3;
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(60);

    private final Sandbox sandbox;

    Floors(Sandbox sandbox) {
        this.sandbox = requireNonNull(sandbox, "sandbox is null");
    }

    /** Median of three restores of {@code ruleset}, each into a fresh namespace (a fresh router's empty tables). */
    Optional<Duration> restore(String ruleset) throws IOException {
        if (!sandbox.namespaces()) {
            return Optional.empty();
        }
        List<Duration> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String namespace = sandbox.namespace();
            runs.add(sandbox.time(List.of("ip", "netns", "exec", namespace, "iptables-restore"), ruleset));
        }
        return Optional.of(Stats.median(runs));
    }

    /** Median of three dnsmasq reloads with {@code n} hosts; empty without dnsmasq. */
    Optional<Duration> dnsmasqReload(int n) throws IOException {
        if (!sandbox.namespaces() || !Sandbox.installed("dnsmasq")) {
            return Optional.empty();
        }
        String namespace = sandbox.namespace();
        for (List<String> step : List.of(List.of("ip", "link", "add", "vb0", "type", "veth", "peer", "name", "vb1"),
                List.of("ip", "addr", "add", "10.0.0.1/16", "dev", "vb0"), List.of("ip", "link", "set", "vb0", "up"),
                List.of("ip", "link", "set", "vb1", "up"))) {
            List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
            argv.addAll(step);
            sandbox.run(argv, "");
        }
        Path work = Files.createDirectory(sandbox.directory().resolve("dnsmasq-" + n));
        Path hosts = work.resolve("dhcphosts.txt");
        Path log = work.resolve("dnsmasq.log");
        Files.writeString(hosts, Workload.dhcpHosts(n));
        Process dnsmasq = sandbox.start(List.of("ip", "netns", "exec", namespace, "dnsmasq", "--conf-file=/dev/null", "--keep-in-foreground",
                "--user=root", "--port=0", "--interface=vb0", "--bind-interfaces", "--dhcp-range=10.0.0.2,10.0.255.254,255.255.0.0,infinite",
                "--dhcp-hostsfile=" + hosts, "--dhcp-leasefile=" + work.resolve("leases"), "--log-facility=" + log,
                "--pid-file=" + work.resolve("dnsmasq.pid")), work.resolve("output"));
        String marker = ": read " + hosts + "\n";
        awaitReads(log, marker, 1);
        List<Duration> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sandbox.run(List.of("kill", "-HUP", String.valueOf(dnsmasq.pid())), "");
            awaitReads(log, marker, i + 2);
            runs.add(Duration.ofNanos(System.nanoTime() - start));
        }
        sandbox.stop(dnsmasq);
        return Optional.of(Stats.median(runs));
    }

    /** Waits until dnsmasq's log holds {@code count} lines saying it read the hosts file. */
    private static void awaitReads(Path log, String marker, int count) throws IOException {
        long deadline = System.nanoTime() + RELOAD_LIMIT.toNanos();
        while (reads(log, marker) < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("dnsmasq did not read its hosts file within " + RELOAD_LIMIT + " (see " + log + ")");
            }
            try {
                Thread.sleep(1);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for dnsmasq", e);
            }
        }
    }

    private static int reads(Path log, String marker) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        if (text.contains("cannot read")) {
            throw new IOException("dnsmasq cannot read its hosts file (see " + log + ")");
        }
        int count = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            count++;
        }
        return count;
    }
}
