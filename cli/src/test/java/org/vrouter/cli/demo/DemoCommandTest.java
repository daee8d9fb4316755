package org.vrouter.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path out;

    private String runDemo() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int status = new DemoCommand().run(List.of("--out", out.toString()), new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        String report = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        return report;
    }

    @Test
    void reportsEveryStepWithTheCommandsSentForIt() throws Exception {
        String report = runDemo();

        assertThat(report).contains(
                "[1/8] deploy the router of network1 (10.1.1.0/24) ... router r-1-VM Running, guest 10.1.1.1, source NAT 203.0.113.10",
                "      StartCommand                   -> hypervisor: boot r-1-VM with 3 NICs and its boot arguments",
                "      AggregationControlCommand      -> batch begins: the commands below are queued",
                "        IpAssocCommand                 -> ip_associations.json (ips)",
                "      AggregationControlCommand      -> batch sent as one VR-<uuid>.cfg: vr_cfg.sh -c, one converge",
                "[2/8] start vm-1 ... vm-1 at 10.1.1.10 (02:00:0a:00:00:01)",
                "      SetDhcpConfigCommand           -> vm_dhcp_entry.json (dhcpentry)",
                "      VmDataCommand                  -> vm_metadata.json (vmdata)",
                "[6/8] forward a public port to vm-3 ... 203.0.113.10:2222 -> 10.1.1.12:22",
                "      SetPortForwardingRulesCommand  -> forwarding_rules.json (forwardrules)",
                "[8/8] load-balance a new public address over vm-1 and vm-2 ... 203.0.113.12:80 -> 10.1.1.10:8080, 10.1.1.11:8080 (roundrobin)",
                "      LoadBalancerConfigCommand      -> load_balancer.json (loadbalancer)",
                "every one answered ok")
                .doesNotContain("FAILED");
    }

    @Test
    void reportsTheKeyLinesOfWhatTheRouterRendered() throws Exception {
        String report = runDemo();

        assertThat(report).contains(
                "    02:00:0a:00:00:03,set:10_1_1_12,10.1.1.12,vm-3,infinite",
                "    listen 203_0_113_12-80",
                "        server 203_0_113_12-80_1 10.1.1.11:8080 check",
                "    -A PREROUTING -d 203.0.113.10/32 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 10.1.1.12:22",
                "    -A PREROUTING -d 203.0.113.11/32 -j DNAT --to-destination 10.1.1.10",
                "    -A POSTROUTING -o eth2 -j SNAT --to-source 203.0.113.10",
                "    -A FIREWALL_203.0.113.10 -p tcp -m tcp --dport 22 -j RETURN")
                .doesNotContain("listen stats_on_guest", "RELATED,ESTABLISHED");
    }

    @Test
    void leavesTheRoutersFilesUnderTheOutDirectory() throws Exception {
        runDemo();

        Path root = out.resolve("r-1-VM");
        assertThat(Files.readString(root.resolve("etc/dhcphosts.txt"))).contains("vm-1", "vm-2", "vm-3");
        assertThat(Files.readString(root.resolve("etc/haproxy/haproxy.cfg"))).contains("listen 203_0_113_12-80");
        assertThat(Files.readString(root.resolve("etc/iptables/rules.v4"))).contains("--to-destination 10.1.1.12:22");
        assertThat(root.resolve("etc/cloudstack/forwardingrules.json")).exists();
    }

    @Test
    void acceptsTheNetnsBackend() {
        DemoOptions options = DemoOptions.parse(List.of("--backend", "netns", "--out", "/tmp/x"));

        assertThat(options.isNetns()).isTrue();
        assertThat(options.workDirectory()).contains(Path.of("/tmp/x"));
    }

    @Test
    void namesTheNetnsRunsNamespacesAfterThePrefixGiven() {
        assertThat(DemoOptions.parse(List.of("--backend", "netns")).names().prefix()).isEqualTo("vrouter");
        assertThat(DemoOptions.parse(List.of("--backend", "netns", "--prefix", "demo2")).names().prefix()).isEqualTo("demo2");
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--prefix", "Demo-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix must be 1-12 lower-case letters and digits, starting with a letter: 'Demo-2'");
    }

    @Test
    void theNetnsBackendWithoutRootSaysSoAndExits64() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = new DemoCommand(() -> false).run(List.of("--backend", "netns"), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(64);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--backend netns needs root");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAnUnknownBackendByName() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--backend", "xen")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown backend 'xen'");
    }
}
