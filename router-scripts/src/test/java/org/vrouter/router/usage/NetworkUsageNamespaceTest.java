package org.vrouter.router.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.NetworkUsageAnswer;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.launcher.CommandLine;
import org.vrouter.router.launcher.RouterMain;

/**
 * {@code vrouter netusage} and {@code vrouter vpc-netusage} against the real iptables, inside a network
 * namespace of their own: pings over the namespace's loopback pass count-only rules shaped like the
 * renderers' (the outgoing rule, then the incoming one), the launcher reports the bytes in the format
 * {@link NetworkUsageAnswer} parses, and a reset leaves the counters at zero.
 */
@Tag("root")
class NetworkUsageNamespaceTest {
    /** Three echo requests and three replies, each a 84-byte IPv4 packet, leave and enter over lo. */
    private static final long PINGED_BYTES = 6 * 84;

    @TempDir
    Path root;

    private TestNamespace namespace;

    @BeforeEach
    void createNamespace() throws IOException {
        namespace = TestNamespace.create("iptables", "busybox");
        namespace.run("ip", "link", "set", "lo", "up");
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        if (namespace != null) {
            namespace.close();
        }
    }

    private void countLoopback(String chain, String... match) throws IOException {
        namespace.run("iptables", "-N", chain);
        namespace.run("iptables", "-A", "OUTPUT", "-j", chain);
        namespace.run("iptables", "-A", "INPUT", "-j", chain);
        namespace.run("iptables", "-A", chain, "-o", "lo", match[0], match[1]);
        namespace.run("iptables", "-A", chain, "-i", "lo", match[2], match[3]);
    }

    @Test
    void countsTheIsolatedRoutersTrafficAndResetsItToZero() throws IOException {
        countLoopback(UsageCounters.ISOLATED_CHAIN, "-d", "127.0.0.1/32", "-s", "127.0.0.1/32");
        namespace.run("busybox", "ping", "-c", "3", "-q", "127.0.0.1");

        NetworkUsageAnswer counted = NetworkUsageAnswer.fromScriptOutput(vrouter("netusage", "-g"));
        NetworkUsageAnswer zeroed = NetworkUsageAnswer.fromScriptOutput(vrouter("netusage", "-r"));
        NetworkUsageAnswer after = NetworkUsageAnswer.fromScriptOutput(vrouter("netusage", "-g"));

        assertThat(counted.success()).isTrue();
        assertThat(counted.bytesSent()).isEqualTo(PINGED_BYTES);
        assertThat(counted.bytesReceived()).isEqualTo(PINGED_BYTES);
        assertThat(zeroed.bytesSent()).isEqualTo(PINGED_BYTES);
        assertThat(after.details()).isEqualTo("0:0:");
        assertThat(after.bytesSent()).isZero();
        assertThat(after.bytesReceived()).isZero();
    }

    @Test
    void countsAVpcRoutersTrafficOnTheInterfaceOfItsPublicAddress() throws IOException {
        namespace.run("ip", "addr", "add", "198.51.100.10/32", "dev", "lo");
        countLoopback(UsageCounters.vpcChain("lo"), "-d", "198.51.100.10/32", "-s", "198.51.100.10/32");
        namespace.run("busybox", "ping", "-c", "3", "-q", "198.51.100.10");

        NetworkUsageAnswer counted = NetworkUsageAnswer.fromScriptOutput(vrouter("vpc-netusage", "-g", "-l", "198.51.100.10", "-v", "10.1.0.0/16"));
        vrouter("vpc-netusage", "-r", "-l", "198.51.100.10");

        assertThat(counted.bytesSent()).isEqualTo(PINGED_BYTES);
        assertThat(counted.bytesReceived()).isEqualTo(PINGED_BYTES);
        assertThat(vrouter("vpc-netusage", "-g", "-l", "198.51.100.10")).isEqualTo("0:0:\n");
    }

    @Test
    void createsTheChainOnceAndLeavesItsRulesAlone() throws IOException {
        vrouter("netusage", "-c");
        namespace.run("iptables", "-A", UsageCounters.ISOLATED_CHAIN, "-o", "lo");
        vrouter("netusage", "-c");

        assertThat(vrouter("netusage", "-g")).isEqualTo("0:\n");
    }

    /** Runs the router launcher in the namespace, insisting on exit 0; its standard output. */
    private String vrouter(String... args) {
        List<String> argv = new ArrayList<>(List.of(args[0], "--root", root.toString(), "--netns", namespace.name()));
        argv.addAll(List.of(args).subList(1, args.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(RouterMain.subcommands(Clock.systemUTC(), Map.of())).run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("vrouter %s: %s", argv, err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
