package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The rendered files through the real tools, in a throwaway namespace holding the router's interfaces:
 * {@code keepalived --config-test} (which also fails on warnings such as an unknown interface), and
 * conntrackd started with its file until its control socket answers, then stopped.
 */
@Tag("root")
class RedundancyToolsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;

    @BeforeEach
    void createInterfaces() throws IOException {
        namespace = TestNamespace.create("keepalived", "conntrackd", "start-stop-daemon");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        namespace.run("ip", "link", "set", "lo", "up");
        for (String[] pair : new String[][] {{"eth0", "peer0"}, {"eth1", "peer1"}, {"eth3", "peer3"}}) {
            namespace.run("ip", "link", "add", pair[0], "type", "veth", "peer", "name", pair[1]);
            namespace.run("ip", "link", "set", pair[0], "up");
            namespace.run("ip", "link", "set", pair[1], "up");
        }
        namespace.run("ip", "address", "add", "10.1.1.2/24", "dev", "eth0");
        host = namespace.host(root);
        host.writeText(RedundancyPaths.NOTIFY_SCRIPT, "#!/bin/sh\nexit 0\n", FileMode.EXECUTABLE);
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        if (namespace != null) {
            namespace.close();
        }
    }

    private ProgramResult configTest(RedundancyInput input) throws IOException {
        host.writeText(RedundancyPaths.KEEPALIVED_CONF, KeepalivedRenderer.render(input, host.resolve(RedundancyPaths.NOTIFY_SCRIPT).toString()),
                FileMode.PUBLIC);
        return host.run(ProgramCall.of("keepalived", "--config-test", "--use-file=" + host.resolve(RedundancyPaths.KEEPALIVED_CONF), "--log-console")
                .withTimeout(WAIT));
    }

    @Test
    void keepalivedAcceptsTheIsolatedPairsInstance() throws IOException {
        ProgramResult result = configTest(RedundancyInputs.from(RedundantBags.member(1, "1")).input().orElseThrow());

        assertThat(result.exitStatus()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void keepalivedAcceptsUnicastPeersASubSecondIntervalAndASecondTier() throws IOException {
        Databags bags = RedundantBags.withTier(RedundantBags.withBootArgs(RedundantBags.member(1, "0.2"),
                Map.of(RedundancyInputs.UNICAST_PEERS, "10.1.1.3")), 1);
        bags = IsolatedRouter.mergeText(bags, "ip_associations.json.9", "{\"ip_address\":[{\"public_ip\":\"10.1.2.2\",\"source_nat\":false,"
                + "\"add\":true,\"one_to_one_nat\":false,\"first_i_p\":false,\"gateway\":\"10.1.2.1\",\"netmask\":\"255.255.255.0\","
                + "\"vif_mac_address\":\"02:00:0a:01:02:01\",\"nic_dev_id\":3,\"new_nic\":true,\"nw_type\":\"Guest\","
                + "\"is_private_gateway\":false}],\"type\":\"ips\",\"delete_from_processed_cache\":false}");

        ProgramResult result = configTest(RedundancyInputs.from(bags).input().orElseThrow());

        assertThat(result.exitStatus()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void keepalivedRejectsAnInstanceOnAMissingInterface() throws IOException {
        RedundancyInput input = RedundancyInputs.from(RedundantBags.member(1, "1")).input().orElseThrow();
        RedundancyInput broken = new RedundancyInput(input.routerName(), input.virtualRouterId(), input.advertCentiseconds(), "eth7",
                input.source(), java.util.List.of(new VirtualAddress("eth7", input.advertised().address())), input.trackedDevices(),
                input.unicastPeers(), input.syncIgnored(), input.publicDevices());

        assertThat(configTest(broken).exitStatus()).isNotZero();
    }

    @Test
    void conntrackdRunsWithTheRenderedFileAndAnswersOnItsSocket() throws Exception {
        RedundancyInput input = RedundancyInputs.from(RedundantBags.member(1, "1")).input().orElseThrow();
        host.writeText(RedundancyPaths.CONNTRACKD_CONF, ConntrackdRenderer.render(input, host.resolve(RedundancyPaths.CONNTRACKD_LOCK).toString(),
                host.resolve(RedundancyPaths.CONNTRACKD_SOCKET).toString()), FileMode.PUBLIC);
        DirectServiceManager services = new DirectServiceManager(host);
        var daemon = RedundancyDaemons.conntrackd(host);
        services.start(daemon);
        try {
            ProgramCall stats = ProgramCall.of("conntrackd", "-C", host.resolve(RedundancyPaths.CONNTRACKD_CONF).toString(), "-s")
                    .withTimeout(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            ProgramResult result = host.run(stats);
            while (!result.succeeded() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                result = host.run(stats);
            }

            assertThat(result.exitStatus()).as(result.stderr()).isZero();
            assertThat(services.isRunning(daemon)).isTrue();
        }
        finally {
            services.stop(daemon);
        }
    }
}
