package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.firewall.IptablesApplier;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.lb.HaproxyApplier;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.pipeline.Verify;
import org.vrouter.router.pipeline.VerifyResult;
import org.vrouter.router.service.DirectServiceManager;

/**
 * A VPC router for real, in a network namespace of its own (control {@code eth0}, public {@code eth1},
 * tiers {@code eth2} and {@code eth3}, each one end of a veth pair): booted from its boot arguments (only
 * the control NIC), then given the public addresses, both tiers, their ACLs, a port forward and a static
 * NAT (and a load balancer) one {@code update_config} at a time. The kernel then holds exactly the rendered ruleset, the tiers'
 * addresses are up and dnsmasq (validated by {@code dnsmasq --test}) serves both tiers; removing a tier
 * takes its address, its ACL chains and its DHCP range away. Namespace and daemons are always cleaned up.
 */
@Tag("root")
class VpcRouterNamespaceTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", VpcFirewallCases.CONCEPT);

    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;
    private DirectServiceManager services;

    @BeforeEach
    void startRouter() throws IOException {
        namespace = TestNamespace.create("iptables-restore", "iptables-save", "iptables", "ipset", "dnsmasq", "haproxy", "start-stop-daemon");
        namespace.run("ip", "link", "set", "lo", "up");
        for (String[] pair : new String[][] {{"eth0", "host0"}, {"eth1", "upstream0"}, {"eth2", "web0"}, {"eth3", "db0"}}) {
            namespace.run("ip", "link", "add", pair[0], "type", "veth", "peer", "name", pair[1]);
            namespace.run("ip", "link", "set", pair[1], "up");
        }
        // dnsmasq drops root for its own user, which must still read the files it re-reads on SIGHUP
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        host = namespace.host(root);
        services = new DirectServiceManager(host);
    }

    @AfterEach
    void stopRouter() throws IOException {
        if (namespace == null) {
            return;
        }
        try {
            services.stop(HaproxyApplier.daemon(host));
            services.stop(DnsmasqApplier.daemon(host));
        }
        finally {
            namespace.close();
        }
    }

    @Test
    void tiersArriveAndLeaveAndTheKernelHoldsTheRenderedAcls() throws Exception {
        for (Path file : files("_base", "two-tiers", "port-forwarding-static-nat")) {
            PipelineResult result = updateConfig(file);
            assertThat(result.exitCode()).as(file.getFileName() + ": " + result.message() + " " + result.warnings()).isZero();
        }

        String rendered = host.readText(IptablesApplier.RULES_PATH).orElseThrow();
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(rendered);
        assertThat(rendered).as("the second case's ACLs replaced the first's").contains("-A ACL_INBOUND_eth3 -p tcp -m tcp --dport 8000:8010 -j ACCEPT")
                .doesNotContain("--dport 3306");
        assertThat(namespace.run("ip", "-4", "-o", "address", "show", "dev", "eth3").stdout()).contains("172.16.2.1/24");
        assertThat(host.readText("/etc/dnsmasq.d/cloud.conf").orElseThrow()).contains("interface-eth2-0", "interface-eth3-1");
        assertThat(services.isRunning(DnsmasqApplier.daemon(host))).isTrue();
        assertThat(verify().drift()).allSatisfy(drift -> assertThat(drift.state()).as(drift.toString()).isIn(ServiceDrift.State.IN_SYNC,
                ServiceDrift.State.SKIPPED));

        Path removal = root.resolve("removal.json");
        Files.writeString(removal, "{\"add\":false,\"mac_address\":\"02:00:56:36:00:03\",\"device\":\"eth3\",\"router_guest_ip\":\"172.16.2.1\","
                + "\"router_guest_gateway\":\"172.16.2.1\",\"router_guest_netmask\":\"255.255.255.0\",\"cidr\":\"24\","
                + "\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}", StandardCharsets.UTF_8);
        PipelineResult removed = updateConfig(removal, "guest_network.json.remove-eth3");

        assertThat(removed.exitCode()).as(removed.message()).isZero();
        String after = new IptablesApplier(host, Clock.systemUTC()).kernel().render();
        assertThat(after).isEqualTo(host.readText(IptablesApplier.RULES_PATH).orElseThrow()).doesNotContain("eth3");
        assertThat(namespace.run("ip", "-4", "-o", "address", "show", "dev", "eth3").stdout()).isEmpty();
        assertThat(host.readText("/etc/dnsmasq.d/cloud.conf").orElseThrow()).contains("interface-eth2-0").doesNotContain("eth3");
        assertThat(removed.warnings()).anyMatch(warning -> warning.contains("networkacl[eth3]: eth3 is no tier or private gateway"));
    }

    /** The case inputs in delivery order, as CloudStack names them ({@code network_acl.json.<case>-<nn>}). */
    private static List<Path> files(String... cases) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : cases) {
            try (Stream<Path> inputs = Files.list(GOLDEN.resolve(name).resolve("input"))) {
                files.addAll(inputs.sorted().toList());
            }
        }
        return files;
    }

    private PipelineResult updateConfig(Path file) throws IOException {
        String name = file.getFileName().toString();
        String type = name.substring(name.indexOf('-') + 1);
        return updateConfig(file, type.equals("cmd_line.json") ? type : type + "." + file.getParent().getParent().getFileName()
                + "-" + name.substring(0, name.indexOf('-')));
    }

    private PipelineResult updateConfig(Path file, String cloudStackName) throws IOException {
        Path cache = root.resolve("var/cache/cloud");
        Files.createDirectories(cache);
        Files.copy(file, cache.resolve(cloudStackName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a fresh converger per update: each update_config is a process of its own
        return new UpdateConfig(host, RouterConvergers.standard(host, services, Clock.systemUTC()), new PayloadCodec(),
                PipelineOptions.defaults()).run(List.of(cloudStackName));
    }

    private VerifyResult verify() throws IOException {
        return new Verify(host, RouterConvergers.standard(host, services, Clock.systemUTC()), new PayloadCodec(), PipelineOptions.defaults())
                .run(false);
    }
}
