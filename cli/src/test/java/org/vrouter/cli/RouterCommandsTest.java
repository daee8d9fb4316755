package org.vrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.Host;

/** {@code vrouter update-config} and {@code vrouter vr-cfg} through {@link Main#run}, on a dry-run root. */
class RouterCommandsTest {
    private static final String DHCP = "{\"host_name\":\"vm-1\",\"mac_address\":\"02:00:4c:5f:00:01\",\"ipv4_address\":\"10.1.1.23\","
            + "\"default_entry\":true,\"remove\":false,\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";
    private static final String IPS = "{\"ip_address\":[{\"public_ip\":\"203.0.113.21\",\"source_nat\":false,\"add\":true,\"one_to_one_nat\":false,"
            + "\"first_i_p\":false,\"gateway\":\"203.0.113.1\",\"netmask\":\"255.255.255.0\",\"vif_mac_address\":\"1e:00:5d:00:00:14\","
            + "\"nic_dev_id\":2,\"new_nic\":false,\"nw_type\":\"Public\",\"is_private_gateway\":false}],\"type\":\"ips\",\"delete_from_processed_cache\":false}";

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private final List<ConvergeRequest> converges = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The options' real machine, and a converger that records its requests and applies nothing. */
    private final RouterWiring wiring = new RouterWiring() {
        @Override
        public Host host(RouterOptions options) throws UsageException {
            return options.host();
        }

        @Override
        public RouterConverger converger(RouterOptions options, Host host) {
            return new RouterConverger() {
                @Override
                public ConvergeResult converge(ConvergeRequest request) {
                    converges.add(request);
                    return ConvergeResult.of(List.of());
                }

                @Override
                public List<ServiceRendering> render(Databags databags) {
                    throw new UnsupportedOperationException("not rendered in these tests");
                }

                @Override
                public List<ServiceDrift> verify(Databags databags) {
                    throw new UnsupportedOperationException("not verified in these tests");
                }
            };
        }
    };

    private Main main(Map<String, String> environment) {
        return new Main(List.of(new VersionCommand(), new UpdateConfigCommand(environment, wiring), new VrCfgCommand(wiring)));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> environment, String... args) {
        return main(environment).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void deliver(String name, String json) throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        Files.writeString(root.resolve("var/cache/cloud").resolve(name), json);
    }

    @Test
    void updateConfigMergesAFileFromTheCache() throws IOException {
        deliver("vm_dhcp_entry.json.1", DHCP);

        assertThat(run("update-config", "--root", root.toString(), "--dry-run", "vm_dhcp_entry.json.1")).isZero();

        assertThat(err()).isEmpty();
        assertThat(root.resolve("etc/cloudstack/dhcpentry.json")).exists();
        assertThat(root.resolve("var/cache/cloud/processed/vm_dhcp_entry.json.1.gz")).exists();
        assertThat(converges).singleElement().satisfies(request -> assertThat(request.bags()).containsExactly(BagKey.DHCP_ENTRY));
    }

    @Test
    void updateConfigCopiesAFileFromOutsideTheRootAndLeavesTheOriginal() throws IOException {
        Path file = elsewhere.resolve("ip_associations.json.7");
        Files.writeString(file, IPS);

        assertThat(run("update-config", "--root=" + root, "--dry-run", file.toString(), "false")).isZero();

        assertThat(file).hasContent(IPS);
        assertThat(root.resolve("etc/cloudstack/ips.json")).exists();
        assertThat(root.resolve("var/cache/cloud/ip_associations.json.7")).doesNotExist();
        assertThat(root.resolve("var/log/vrouter/dry-run.log")).hasContent("ip -o link show");
    }

    @Test
    void updateConfigRejectsABadFieldWithOneLineNamingIt() throws IOException {
        deliver("vm_dhcp_entry.json.1", DHCP.replace("02:00:4c:5f:00:01", "02:00:4c:5f:00"));

        assertThat(run("update-config", "--root", root.toString(), "--dry-run", "vm_dhcp_entry.json.1")).isEqualTo(1);

        assertThat(err().lines()).singleElement().asString().startsWith("vm_dhcp_entry.json.1: mac_address: ");
        assertThat(root.resolve("etc/cloudstack")).doesNotExist();
    }

    @Test
    void updateConfigTakesOneOrTwoArguments() {
        assertThat(run("update-config", "--root", root.toString())).isEqualTo(1);
        assertThat(run("update-config", "--root", root.toString(), "a.json", "false", "more")).isEqualTo(1);
        assertThat(err()).contains("usage: vrouter update-config");
    }

    @Test
    void unknownOptionsAndBadNamespacesAreUsageErrors() {
        assertThat(run("update-config", "--verbose", "x.json")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("update-config", "--root", root.toString(), "--netns", "bad name", "x.json")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("update-config", "--root")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err()).contains("unknown option --verbose").contains("--netns: namespace name").contains("--root needs a value");
    }

    @Test
    void deferConfigInTheEnvironmentDefersTheDhcpConverge() throws IOException {
        deliver("vm_dhcp_entry.json.1", DHCP);

        assertThat(run(Map.of("DEFER_CONFIG", "true"), "update-config", "--root", root.toString(), "--dry-run", "vm_dhcp_entry.json.1")).isZero();

        assertThat(converges).isEmpty();
        assertThat(root.resolve("etc/cloudstack/dhcpentry.json")).exists();
    }

    @Test
    void vrCfgRunsABatchGivenAsARouterPath() throws IOException {
        deliver("VR-1.cfg", "#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n"
                + "<file>\n/var/cache/cloud/vm_dhcp_entry.json.1\n" + DHCP + "\n</file>\n"
                + "<script>\n/opt/cloud/bin/update_config.py vm_dhcp_entry.json.1\n</script>\n");

        assertThat(run("vr-cfg", "--root", root.toString(), "--dry-run", "-c", "/var/cache/cloud/VR-1.cfg")).isZero();

        assertThat(converges).hasSize(1);
        assertThat(root.resolve("var/cache/cloud/processed/VR-1.cfg")).exists();
    }

    @Test
    void vrCfgReportsARejectedBatch() throws IOException {
        deliver("VR-2.cfg", "<script>\n/opt/cloud/bin/reboot.sh\n</script>\n");

        assertThat(run("vr-cfg", "--root", root.toString(), "--dry-run", "-c", "VR-2.cfg")).isEqualTo(1);

        assertThat(err().lines()).singleElement().asString().startsWith("/var/cache/cloud/VR-2.cfg: ");
        assertThat(converges).isEmpty();
    }

    @Test
    void vrCfgNeedsABatchFile() {
        assertThat(run("vr-cfg", "--root", root.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("vr-cfg", "--root", root.toString(), "-c", elsewhere.resolve("missing.cfg").toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(err()).contains("usage: vrouter vr-cfg").contains("missing.cfg: no such file");
    }

    @Test
    void helpListsTheRouterCommands() {
        assertThat(run("help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("update-config").contains("vr-cfg");
    }
}
