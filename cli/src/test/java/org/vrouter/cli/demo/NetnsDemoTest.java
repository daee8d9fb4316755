package org.vrouter.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;

/** A short smoke run of {@code vrouter demo --backend netns}: every check passes and nothing of the run is left. */
@Tag("root")
class NetnsDemoTest {
    private static final String[] TOOLS = {"ip", "iptables-restore", "ipset", "dnsmasq", "haproxy", "start-stop-daemon", "busybox", "dig",
        "curl", "nc", "ss"};

    @Test
    @Timeout(90)
    void provesEveryServiceLiveAndCleansUp() throws IOException {
        requireRootAndTools();
        NetnsNames names = NetnsNames.unique("vd");
        Path work = Files.createTempDirectory("vrouter-demo-test-");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int status;
        try {
            status = new NetnsDemo(new PrintStream(stdout, true, StandardCharsets.UTF_8), names).run(Optional.of(work));
        }
        finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }

        String report = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isZero();
        assertThat(report).contains("ok   vm-1 DHCP lease 10.1.1.10/24, gateway 10.1.1.1, DNS [10.1.1.1], domain cs2cloud.internal",
                "ok   vm-1 asks the router's DNS for vm-2: [10.1.1.11]",
                "the public client sees it come from 203.0.113.10 (source NAT)",
                "ok   port forward: GET http://203.0.113.10:2222/ from the public client -> vm-3",
                "ok   a port no firewall rule opens (vm-1 listens there): GET http://203.0.113.11:9090/ from the public client -> no answer (blocked)",
                "Every check passed.")
                .doesNotContain("FAIL");
        assertThat(IpTool.system().namespaces()).noneMatch(names::owns);
    }

    /** Skips without root or a tool, fails so under CI=true. */
    static void requireRootAndTools() throws IOException {
        String why = null;
        if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            why = "the netns demo needs root";
        }
        for (String tool : TOOLS) {
            if (why == null && !Files.isExecutable(Path.of("/usr/sbin", tool)) && !Files.isExecutable(Path.of("/usr/bin", tool))
                    && !Files.isExecutable(Path.of("/sbin", tool)) && !Files.isExecutable(Path.of("/bin", tool))) {
                why = tool + " is not installed (Debian packages: see .ci/run)";
            }
        }
        if (why != null) {
            assertThat("true".equals(System.getenv("CI"))).as(why + "; CI=true, so this is a failure, not a skip").isFalse();
            Assumptions.abort(why);
        }
    }
}
