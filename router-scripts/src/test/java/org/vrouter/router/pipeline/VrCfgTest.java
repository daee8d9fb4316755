package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.databag.BagKey;

class VrCfgTest {
    private static final String BATCH = "/var/cache/cloud/VR-0b7a0a62-3a3f-4a0e-9a39-2a0c5b0e9a51.cfg";

    @TempDir
    Path root;

    private PipelineFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PipelineFixture(root);
    }

    private static String batch(String... items) {
        return "#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n" + String.join("", items);
    }

    private static String file(String name, String contents) {
        return "<file>\n/var/cache/cloud/" + name + "\n" + contents + "\n</file>\n";
    }

    private static String script(String commandLine) {
        return "<script>\n/opt/cloud/bin/" + commandLine + "\n</script>\n";
    }

    private PipelineResult run(String batch) {
        fixture.write(BATCH, batch);
        return fixture.vrCfg().run(BATCH);
    }

    @Test
    void mergesEveryFileAndConvergesOnce() {
        PipelineResult result = run(batch(
                file("ip_associations.json.1", Payloads.IPS), script("update_config.py ip_associations.json.1"),
                file("firewall_rules.json.1", Payloads.FIREWALL), script("update_config.py firewall_rules.json.1"),
                file("vm_dhcp_entry.json.1", Payloads.DHCP), script("update_config.py vm_dhcp_entry.json.1 false")));

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.converger.requests()).singleElement().satisfies(request -> {
            assertThat(request.bags()).containsExactlyInAnyOrder(BagKey.IPS, BagKey.FIREWALL_RULES, BagKey.DHCP_ENTRY);
            assertThat(request.databags()).isEqualTo(fixture.bags());
        });
        assertThat(fixture.bags().ips().isEmpty()).isFalse();
        assertThat(fixture.bags().firewallRules().isEmpty()).isFalse();
        assertThat(fixture.bags().dhcpEntry().isEmpty()).isFalse();
        // the batch, archived whole, holds every file it delivered: no per-file copies
        assertThat(fixture.processed()).containsExactly("VR-0b7a0a62-3a3f-4a0e-9a39-2a0c5b0e9a51.cfg");
        assertThat(fixture.cache()).isEmpty();
    }

    @Test
    void writesTheFileItemsNoStepConsumesAndLeavesAHeldBackOneInPlace() throws IOException {
        fixture.deliver("guest_network.json.0", Payloads.GUEST_NETWORK);
        fixture.updateConfig().run(java.util.List.of("guest_network.json.0"));
        String changed = Payloads.GUEST_NETWORK.replace("vpc1.internal", "other.internal");

        PipelineResult result = run(batch(
                file("guest_network.json.1", changed), script("update_config.py guest_network.json.1"),
                file("firewall_rules.json.1", Payloads.FIREWALL), script("update_config.py firewall_rules.json.1"),
                file("firewall_rules.json.1", Payloads.FIREWALL.replace("\"id\":17", "\"id\":18"))));

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.cache()).containsExactly("firewall_rules.json.1", "guest_network.json.1");
        assertThat(Files.readString(root.resolve("var/cache/cloud/guest_network.json.1"))).isEqualTo(changed);
        assertThat(fixture.bags().firewallRules().rules()).containsOnlyKeys(17L);
    }

    @Test
    void writesFileItemsByteForByte() throws IOException {
        String contents = "  leading spaces\n\ttab *glob* and  two  spaces  \ntrailing   ";

        assertThat(run(batch(file("notes.txt", contents))).exitCode()).isZero();

        assertThat(Files.readString(root.resolve("var/cache/cloud/notes.txt"))).isEqualTo(contents);
        assertThat(fixture.converger.requests()).isEmpty();
    }

    @Test
    void rejectsAnyOtherScriptBeforeAnythingRuns() {
        fixture.deliver("firewall_rules.json.0", Payloads.FIREWALL);
        fixture.vrCfg();
        Map<String, String> before = treeWithBatch(batch(
                file("firewall_rules.json.1", Payloads.FIREWALL), script("update_config.py firewall_rules.json.1"),
                script("cleanup.sh firewall_rules.json.0")));

        PipelineResult result = fixture.vrCfg().run(BATCH);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).isEqualTo("item 3 (/opt/cloud/bin/cleanup.sh firewall_rules.json.0): "
                + "only update_config.py <file> [false] and configure.py <file> may run in a batch");
        assertThat(RouterTree.of(root)).isEqualTo(before);
        assertThat(fixture.converger.requests()).isEmpty();
    }

    @Test
    void aBadFileRejectsTheWholeBatchNamingItsField() {
        Map<String, String> before = treeWithBatch(batch(
                file("firewall_rules.json.1", Payloads.FIREWALL), script("update_config.py firewall_rules.json.1"),
                file("ip_associations.json.1", Payloads.IPS.replace("255.255.255.0", "255.0.255.0")),
                script("update_config.py ip_associations.json.1"),
                file("vm_dhcp_entry.json.1", Payloads.DHCP), script("update_config.py vm_dhcp_entry.json.1")));

        PipelineResult result = fixture.vrCfg().run(BATCH);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).startsWith("ip_associations.json.1: ip_address[0].netmask: ");
        assertThat(RouterTree.of(root)).isEqualTo(before);
        assertThat(fixture.converger.requests()).isEmpty();
    }

    @Test
    void rejectsAMalformedBatch() {
        PipelineResult result = run("<file>\n/var/cache/cloud/x.json\n{}\n</file>\n");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).isEqualTo(BATCH + ": batch: has no <version> block");
    }

    @Test
    void rejectsAFileThatIsNowhere() {
        PipelineResult result = run(batch(script("update_config.py firewall_rules.json.9")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).startsWith("item 1: firewall_rules.json.9: file: not in the batch");
    }

    @Test
    void takesAFileAlreadyInTheCacheAndSkipsOneProcessedBefore() {
        fixture.deliver("firewall_rules.json.1", Payloads.FIREWALL);
        fixture.deliver("vm_dhcp_entry.json.1", Payloads.DHCP);
        fixture.updateConfig().run(java.util.List.of("vm_dhcp_entry.json.1"));

        PipelineResult result = run(batch(script("update_config.py firewall_rules.json.1"), script("update_config.py vm_dhcp_entry.json.1")));

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.bags().firewallRules().isEmpty()).isFalse();
        assertThat(fixture.converger.last().bags()).containsExactly(BagKey.FIREWALL_RULES);
    }

    @Test
    void configureAddsItsBagsToTheOneConverge() {
        PipelineResult result = run(batch(
                file("monitor_service.json.1", Payloads.MONITOR), script("update_config.py monitor_service.json.1 false"),
                script("configure.py monitor_service.json"), script("configure.py vm_dhcp_entry.json")));

        assertThat(result.exitCode()).isZero();
        assertThat(fixture.converger.requests()).singleElement()
                .satisfies(request -> assertThat(request.bags()).containsExactlyInAnyOrder(BagKey.MONITOR_SERVICE, BagKey.DHCP_ENTRY));
    }

    @Test
    void aFileUpdatedTwiceIsMergedInOrderAndArchivedOnce() {
        PipelineResult result = run(batch(
                file("vm_dhcp_entry.json.1", Payloads.DHCP), script("update_config.py vm_dhcp_entry.json.1"),
                file("vm_dhcp_entry.json.1", Payloads.DHCP.replace("vm-1", "vm-renamed")), script("update_config.py vm_dhcp_entry.json.1")));

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.bags().dhcpEntry().entries().values()).singleElement()
                .satisfies(entry -> assertThat(entry.hostName()).isEqualTo("vm-renamed"));
        assertThat(fixture.cache()).isEmpty();
    }

    @Test
    void aFailedConvergeFailsTheBatch() {
        fixture.converger.failing("dnsmasq");

        PipelineResult result = run(batch(file("vm_dhcp_entry.json.1", Payloads.DHCP), script("update_config.py vm_dhcp_entry.json.1")));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).startsWith("converge failed: dnsmasq: ");
    }

    @Test
    void mergesPendingBootArgumentsFirst() {
        fixture.deliver("cmd_line.json", Payloads.CMD_LINE);

        PipelineResult result = run(batch(file("ip_aliases.json.1", Payloads.IP_ALIASES), script("update_config.py ip_aliases.json.1")));

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.converger.last().everything()).isTrue();
        assertThat(fixture.cache()).isEmpty();
    }

    @Test
    void rejectsABatchThatIsNotThere() {
        assertThat(fixture.vrCfg().run(BATCH).message()).isEqualTo(BATCH + ": batch file not found");
        assertThat(fixture.vrCfg().run("relative/VR-1.cfg").exitCode()).isEqualTo(1);
    }

    private Map<String, String> treeWithBatch(String batch) {
        fixture.write(BATCH, batch);
        return RouterTree.of(root);
    }
}
