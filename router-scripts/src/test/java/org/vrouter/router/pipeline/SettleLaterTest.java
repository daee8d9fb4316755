package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagStore;

/**
 * Runs whose settle is left to vrouterd ({@link PipelineOptions#settleLater}): a changed bag is recorded in its
 * journal before the reply, the settle compacts it and writes what converges left; a run that settles itself
 * leaves no journal.
 */
class SettleLaterTest {
    private static final String SECOND_DHCP = Payloads.DHCP.replace("vm-1", "vm-2").replace("02:00:4c:5f:00:01", "02:00:4c:5f:00:02")
            .replace("10.1.1.23", "10.1.1.24");

    @TempDir
    Path root;

    private EntryPoints entryPoints(PipelineFixture fixture, boolean settleLater) {
        return new EntryPoints(fixture.host, fixture.converger, fixture.codec, DatabagStore.caching(fixture.host, fixture.codec, Clock.systemUTC()),
                fixture.options().withSettleLater(settleLater));
    }

    private byte[] bagFile(BagKey key) throws IOException {
        return Files.readAllBytes(root.resolve(key.path().substring(1)));
    }

    private boolean journal(BagKey key) {
        return Files.exists(root.resolve(key.journalPath().substring(1)));
    }

    @Test
    void aChangeIsInTheJournalBeforeTheReplyAndInTheBagFileAfterTheSettle() throws IOException {
        PipelineFixture fixture = new PipelineFixture(root);
        EntryPoints daemon = entryPoints(fixture, true);
        fixture.deliver("vm_dhcp_entry.json.1", Payloads.DHCP);
        assertThat(daemon.updateConfig(List.of("vm_dhcp_entry.json.1"), false).exitCode()).isZero();
        daemon.settle();
        byte[] settled = bagFile(BagKey.DHCP_ENTRY);
        int settles = fixture.converger.settles();

        fixture.deliver("vm_dhcp_entry.json.2", SECOND_DHCP);
        assertThat(daemon.updateConfig(List.of("vm_dhcp_entry.json.2"), false).exitCode()).isZero();

        assertThat(fixture.converger.settles()).as("left to the daemon").isEqualTo(settles);
        assertThat(bagFile(BagKey.DHCP_ENTRY)).as("the bag file waits for the settle").isEqualTo(settled);
        assertThat(journal(BagKey.DHCP_ENTRY)).isTrue();
        assertThat(fixture.bags().dhcpEntry().entries()).as("what a killed daemon leaves on disk has both entries").hasSize(2);

        assertThat(daemon.settle()).as("the journal compacted").isTrue();

        assertThat(journal(BagKey.DHCP_ENTRY)).isFalse();
        assertThat(new String(bagFile(BagKey.DHCP_ENTRY), StandardCharsets.UTF_8)).contains("10.1.1.23", "10.1.1.24");
        assertThat(fixture.converger.settles()).isEqualTo(settles + 1);
        assertThat(daemon.settle()).as("nothing left").isFalse();
    }

    @Test
    void aRunThatSettlesItselfLeavesNoJournalAndCompactsOneLeftBehind() throws IOException {
        PipelineFixture fixture = new PipelineFixture(root);
        fixture.deliver("vm_dhcp_entry.json.1", Payloads.DHCP);
        EntryPoints daemon = entryPoints(fixture, true);
        assertThat(daemon.updateConfig(List.of("vm_dhcp_entry.json.1"), false).exitCode()).isZero();
        daemon.settle();
        fixture.deliver("vm_dhcp_entry.json.2", SECOND_DHCP);
        assertThat(daemon.updateConfig(List.of("vm_dhcp_entry.json.2"), false).exitCode()).isZero();
        assertThat(journal(BagKey.DHCP_ENTRY)).as("a daemon killed before its settle").isTrue();

        fixture.deliver("firewall_rules.json.1", Payloads.FIREWALL);
        assertThat(EntryPoints.oneShot(fixture.host, fixture.converger).updateConfig(List.of("firewall_rules.json.1"), false).exitCode())
                .isZero();

        assertThat(journal(BagKey.DHCP_ENTRY)).isFalse();
        assertThat(journal(BagKey.FIREWALL_RULES)).isFalse();
        assertThat(new String(bagFile(BagKey.DHCP_ENTRY), StandardCharsets.UTF_8)).contains("10.1.1.24");
        assertThat(fixture.bags().firewallRules().rules()).containsOnlyKeys(17L);
    }
}
