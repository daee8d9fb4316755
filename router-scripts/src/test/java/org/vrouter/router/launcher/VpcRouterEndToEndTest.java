package org.vrouter.router.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.golden.GoldenFiles;

/**
 * A VPC router end to end through {@code vrouter}, on a dry-run root: CloudStack's VPC boot arguments
 * (only the control NIC) with {@code update-config cmd_line.json}, then one {@code vr-cfg} batch with the
 * public addresses, two tiers ({@code guest_network}), an ACL per tier, three DHCP entries across the
 * tiers, a static NAT and a port forward. The rendered files and the log of programs a real router would
 * run are compared with golden files ({@code golden/router/vpc-router/}); the root is shown as
 * {@code <root>}.
 */
class VpcRouterEndToEndTest {
    private static final Path INPUT = Path.of("src/test/resources/golden/router/vpc-router/input");
    private static final String CONCEPT = "router";
    private static final String CASE = "vpc-router";
    private static final List<String> RENDERED = List.of("etc/dnsmasq.d/cloud.conf", "etc/dhcphosts.txt", "etc/dhcpopts.txt", "etc/hosts",
            "etc/iptables/rules.v4", "etc/iptables/ipsets", "var/lib/vrouter/applied/addresses.batch");

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());

    private int run(String... args) {
        CommandLine main = new CommandLine(List.of(new UpdateConfigCommand(Map.of(), wiring), new VrCfgCommand(wiring), new RenderCommand(wiring),
                new VerifyCommand(wiring)));
        return main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String normalised(String text) {
        return text.replace(root.toString(), "<root>");
    }

    private void boot() throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        Files.copy(INPUT.resolve("cmd_line.json"), root.resolve("var/cache/cloud/cmd_line.json"));
        assertThat(run("update-config", "--root", root.toString(), "--dry-run", "cmd_line.json")).as(err()).isZero();
    }

    /** Delivers the given files as one CloudStack batch file and runs {@code vr-cfg -c} on it. */
    private int batch(String name, List<String> files) throws IOException {
        StringBuilder batch = new StringBuilder("#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n");
        for (String file : files) {
            batch.append("<file>\n/var/cache/cloud/").append(file).append('\n').append(Files.readString(INPUT.resolve(file)).strip())
                    .append("\n</file>\n<script>\n/opt/cloud/bin/update_config.py ").append(file).append("\n</script>\n");
        }
        Files.writeString(root.resolve("var/cache/cloud").resolve(name), batch.toString());
        return run("vr-cfg", "--root", root.toString(), "--dry-run", "-c", name);
    }

    /** Every input but the boot arguments, in delivery order (the number after the uuid prefix). */
    private static List<String> deliveries() throws IOException {
        try (Stream<Path> files = Files.list(INPUT)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("cmd_line.json"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)))).toList();
        }
    }

    @Test
    void bootThenABatchWritesTheAclChainsInOrderAndDnsmasqForEveryTier() throws IOException {
        boot();
        String bootLog = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));

        assertThat(batch("VR-1.cfg", deliveries())).as(err()).isZero();

        assertThat(err()).isEmpty();
        String rules = Files.readString(root.resolve("etc/iptables/rules.v4"));
        assertThat(rules.lines().filter(line -> line.startsWith("-A ACL_INBOUND_eth3")).toList()).containsExactly(
                "-A ACL_INBOUND_eth3 -d 224.0.0.18/32 -j ACCEPT",
                "-A ACL_INBOUND_eth3 -d 225.0.0.50/32 -j ACCEPT",
                "-A ACL_INBOUND_eth3 -s 10.0.0.0/8 -p tcp -m tcp --dport 3306 -j DROP",
                "-A ACL_INBOUND_eth3 -s 172.16.1.0/24 -p tcp -m tcp --dport 3306 -j ACCEPT",
                "-A ACL_INBOUND_eth3 -s 172.16.1.0/24 -p gre -j ACCEPT",
                "-A ACL_INBOUND_eth3 -p tcp -m tcp --dport 22 -j ACCEPT",
                "-A ACL_INBOUND_eth3 -j DROP");
        assertThat(rules).containsSubsequence("-A ACL_INBOUND_eth2 -s 1.2.3.4/32 -p tcp -m tcp --dport 443 -j ACCEPT",
                "-A ACL_INBOUND_eth2 -s 3.4.5.6/32 -p tcp -m tcp --dport 443 -j ACCEPT", "-A ACL_INBOUND_eth2 -p tcp -m tcp --dport 443 -j DROP");
        assertThat(root.resolve("etc/dnsmasq.d/cloud.conf")).content().contains("dhcp-range=set:interface-eth2-0,172.16.1.1,static",
                "dhcp-range=set:interface-eth3-1,172.16.2.1,static", "dhcp-option=tag:interface-eth3-1,15,db.vpc1.internal",
                "dhcp-option=tag:interface-eth3-1,1,255.255.255.128");
        assertThat(root.resolve("etc/dhcphosts.txt")).content().contains("web-1", "web-2", "db-1");
        for (String file : RENDERED) {
            GoldenFiles.assertMatches(CONCEPT, CASE, "expected/" + file, normalised(Files.readString(root.resolve(file))));
        }
        GoldenFiles.assertMatches(CONCEPT, CASE, "expected/boot-dry-run.log", normalised(bootLog));
        String log = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));
        GoldenFiles.assertMatches(CONCEPT, CASE, "expected/batch-dry-run.log", normalised(log.substring(bootLog.length())));
    }
}
