package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.firewall.IptablesApplier;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.lb.HaproxyApplier;
import org.vrouter.router.metadata.MetadataServerService;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.pipeline.Verify;
import org.vrouter.router.pipeline.VerifyResult;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The isolated router for real, in a network namespace of its own (guest {@code eth0}, control
 * {@code eth1} and public {@code eth2}, each one end of a veth pair whose other end stays in the
 * namespace): booted from {@code cmd_line.json}, then given its CloudStack files one
 * {@code update_config} at a time. The kernel then holds exactly the rendered ruleset and addresses,
 * and dnsmasq, haproxy and the metadata server run. Rules deleted and dnsmasq killed behind the router's back show up as
 * drift, which the repair removes. The namespace and the daemons are always cleaned up.
 */
@Tag("root")
class RouterNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;
    private DirectServiceManager services;
    private OrderedConverger converger;

    @BeforeEach
    void startRouter() throws IOException {
        namespace = TestNamespace.create("iptables-restore", "iptables-save", "iptables", "ipset", "dnsmasq", "haproxy", "start-stop-daemon");
        namespace.run("ip", "link", "set", "lo", "up");
        for (String[] pair : new String[][] {{"eth0", "vm0"}, {"eth1", "host0"}, {"eth2", "upstream0"}}) {
            namespace.run("ip", "link", "add", pair[0], "type", "veth", "peer", "name", pair[1]);
            namespace.run("ip", "link", "set", pair[1], "up");
        }
        // dnsmasq drops root for its own user, which must still read the files it re-reads on SIGHUP
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        host = namespace.host(root);
        services = new DirectServiceManager(host);
        converger = RouterConvergers.standard(host, services, Clock.systemUTC());
    }

    @AfterEach
    void stopRouter() throws IOException {
        if (namespace == null) {
            return;
        }
        try {
            services.stop(HaproxyApplier.daemon(host));
            services.stop(DnsmasqApplier.daemon(host));
            services.stop(MetadataServerService.daemon(host));
        }
        finally {
            namespace.close();
        }
    }

    @Test
    void bootsAppliesDetectsDriftAndRepairsIt() throws Exception {
        for (Path file : IsolatedRouter.files()) {
            deliver(file);
            PipelineResult result = updateConfig(file.getFileName().toString());
            assertThat(result.exitCode()).as(file.getFileName() + ": " + result.message() + " " + result.warnings()).isZero();
        }

        String rendered = host.readText(IptablesApplier.RULES_PATH).orElseThrow();
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(rendered);
        assertThat(namespace.run("ip", "-4", "-o", "address", "show", "dev", "eth2").stdout()).contains("203.0.113.20/24")
                .contains("203.0.113.21/24").contains("203.0.113.22/24");
        assertThat(services.isRunning(dnsmasq())).isTrue();
        assertThat(services.isRunning(HaproxyApplier.daemon(host))).isTrue();
        assertThat(services.isRunning(MetadataServerService.daemon(host))).isTrue();
        assertThat(verify(false).remaining()).allSatisfy(drift -> assertThat(drift.state()).as(drift.toString())
                .isEqualTo(ServiceDrift.State.IN_SYNC));

        // behind the router's back: the rules go, an address goes, dnsmasq dies
        namespace.run("iptables", "-F");
        namespace.run("iptables", "-t", "nat", "-F");
        namespace.run("iptables", "-t", "mangle", "-F");
        namespace.run("ip", "address", "del", "203.0.113.22/24", "dev", "eth2");
        namespace.run("kill", "-KILL", pid(dnsmasq()));
        awaitStopped(dnsmasq());

        VerifyResult drifted = verify(false);

        assertThat(drifted.exitCode()).isEqualTo(2);
        assertThat(drifted.drift()).extracting(ServiceDrift::service, ServiceDrift::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("addresses", ServiceDrift.State.DRIFTED),
                org.assertj.core.groups.Tuple.tuple("firewall", ServiceDrift.State.DRIFTED),
                org.assertj.core.groups.Tuple.tuple("dnsmasq", ServiceDrift.State.DRIFTED),
                org.assertj.core.groups.Tuple.tuple("haproxy", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("vmdata", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("vmpassword", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("metadata-server", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("monitor", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("vpn", ServiceDrift.State.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("redundancy", ServiceDrift.State.IN_SYNC));
        assertThat(drifted.drift().get(0).differences()).singleElement().asString().contains("203.0.113.22/24");
        assertThat(drifted.drift().get(2).differences()).containsExactly("dnsmasq is not running");

        VerifyResult repaired = verify(true);

        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.repair()).hasValueSatisfying(result -> assertThat(result.success()).isTrue());
        assertThat(repaired.after()).allSatisfy(drift -> assertThat(drift.state()).isEqualTo(ServiceDrift.State.IN_SYNC));
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(rendered);
        assertThat(services.isRunning(dnsmasq())).isTrue();
    }

    @Test
    void aRebootReplayRestoresAWipedRouterFromItsDatabags() throws Exception {
        for (Path file : IsolatedRouter.files()) {
            deliver(file);
            assertThat(updateConfig(file.getFileName().toString()).exitCode()).isZero();
        }
        String rendered = host.readText(IptablesApplier.RULES_PATH).orElseThrow();
        // a reboot: the kernel forgets rules, sets and addresses, the daemons are gone; the files stay
        services.stop(HaproxyApplier.daemon(host));
        services.stop(dnsmasq());
        services.stop(MetadataServerService.daemon(host));
        namespace.run("iptables", "-F");
        namespace.run("iptables", "-t", "nat", "-F");
        namespace.run("iptables", "-t", "mangle", "-F");
        for (String device : List.of("eth0", "eth1", "eth2")) {
            namespace.run("ip", "address", "flush", "dev", device);
        }

        deliver(IsolatedRouter.INPUT.resolve("cmd_line.json"));
        PipelineResult boot = new UpdateConfig(host, RouterConvergers.standard(host, services, Clock.systemUTC()), new PayloadCodec(),
                PipelineOptions.defaults()).run(List.of("cmd_line.json"));

        assertThat(boot.exitCode()).as(boot.message()).isZero();
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(rendered);
        assertThat(services.isRunning(dnsmasq())).isTrue();
        assertThat(services.isRunning(HaproxyApplier.daemon(host))).isTrue();
        assertThat(services.isRunning(MetadataServerService.daemon(host))).isTrue();
        assertThat(verify(false).exitCode()).isZero();
    }

    private void deliver(Path file) throws IOException {
        Path cache = root.resolve("var/cache/cloud");
        Files.createDirectories(cache);
        Files.copy(file, cache.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private PipelineResult updateConfig(String name) {
        // a fresh converger per update: each update_config is a process of its own
        return new UpdateConfig(host, RouterConvergers.standard(host, services, Clock.systemUTC()), new PayloadCodec(),
                PipelineOptions.defaults()).run(List.of(name));
    }

    private VerifyResult verify(boolean repair) throws IOException {
        return new Verify(host, converger, new PayloadCodec(), PipelineOptions.defaults()).run(repair);
    }

    private Daemon dnsmasq() {
        return DnsmasqApplier.daemon(host);
    }

    private String pid(Daemon daemon) throws IOException {
        return host.readText(DirectServiceManager.pidFile(daemon)).orElseThrow().strip();
    }

    private void awaitStopped(Daemon daemon) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (services.isRunning(daemon) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(services.isRunning(daemon)).as(daemon.name() + " stopped").isFalse();
    }
}
