package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.databag.JournalFixture.CODEC;
import static org.vrouter.router.databag.JournalFixture.LATER;
import static org.vrouter.router.databag.JournalFixture.entries;
import static org.vrouter.router.databag.JournalFixture.entry;
import static org.vrouter.router.databag.JournalFixture.with;
import static org.vrouter.router.databag.JournalFixture.without;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.router.host.FaultInjectingHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.HostHaltedException;

/** {@link DatabagStore#record}, {@link DatabagStore#compact} and whole writes with a journal, crashes included. */
class DatabagJournalTest {
    @TempDir
    Path root;

    private JournalFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new JournalFixture(root);
    }

    @Test
    void recordsOneMoreDhcpEntryInTheJournalAndLeavesTheBagFileAlone() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag before = fixture.written(store, 300);
        byte[] file = Files.readAllBytes(fixture.file(BagKey.DHCP_ENTRY));

        DhcpEntryBag after = with(before, 300, "vm-300");
        store.record(after);

        assertThat(Files.readAllBytes(fixture.file(BagKey.DHCP_ENTRY))).isEqualTo(file);
        List<String> lines = Files.readAllLines(fixture.journal(BagKey.DHCP_ENTRY));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"base\":\"sha256:");
        assertThat(lines.get(1)).startsWith("{\"set\":{\"10.1.1.51\":{").contains("\"vm-300\"").endsWith("},\"remove\":[]}");
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(after);
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(after);
        assertThat(store.hasJournal()).isTrue();
    }

    @Test
    void recordsRemovalsChangesAndSeveralRecordsInARowThenCompactsToTheFileAFullWriteWrites() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = fixture.written(store, 300);

        bag = without(bag, 7);
        store.record(bag);
        bag = with(bag, 8, "renamed");
        store.record(bag);
        bag = with(bag, 301, "vm-301");
        store.record(bag);

        assertThat(Files.readAllLines(fixture.journal(BagKey.DHCP_ENTRY))).hasSize(4).element(1).asString()
                .isEqualTo("{\"set\":{},\"remove\":[\"10.1.0.8\"]}");
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);

        assertThat(store.compact()).isTrue();

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        fixture.assertDhcpFileHolds(bag);
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(store.hasJournal()).isFalse();
        assertThat(store.compact()).isFalse();

        bag = with(bag, 302, "vm-302");
        store.record(bag);

        assertThat(Files.readAllLines(fixture.journal(BagKey.DHCP_ENTRY))).hasSize(2);
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void recordsNothingWhenNothingChanged() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = fixture.written(store, 10);

        store.record(new DhcpEntryBag(bag.entries()));

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void aWholeWriteDeletesTheJournal() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);

        store.write(with(bag, 21, "vm-21"));

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.hasJournal()).isFalse();
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(with(bag, 21, "vm-21"));
    }

    @Test
    void aCrashBetweenTheWholeWriteAndTheJournalDeletionLoadsTheWrittenBag() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);
        // the whole write changes the very entry the journal sets: replaying the journal on it would undo that
        DhcpEntryBag rewritten = with(bag, 20, "renamed");
        FaultInjectingHost crashing = new FaultInjectingHost(fixture.host(), FaultInjectingHost.Operation.WRITE, 2, FaultInjectingHost.Mode.HALT);

        assertThatThrownBy(() -> DatabagStore.caching(crashing, CODEC, LATER).write(rewritten)).isInstanceOf(HostHaltedException.class);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).exists();
        DatabagSnapshot snapshot = fixture.plain().load();
        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(rewritten);
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void aCrashWhileCompactingLoadsTheSameBag() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);
        FaultInjectingHost crashing = new FaultInjectingHost(fixture.host(), FaultInjectingHost.Operation.WRITE, 2, FaultInjectingHost.Mode.HALT);
        DatabagStore restarted = DatabagStore.caching(crashing, CODEC, LATER);
        restarted.load();

        assertThatThrownBy(restarted::compact).isInstanceOf(HostHaltedException.class);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).exists();
        fixture.assertDhcpFileHolds(bag);
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(fixture.caching().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void replayingRecordsOnAFileThatAlreadyHoldsThemChangesNothing() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = without(with(fixture.written(store, 20), 20, "vm-20"), 3);
        store.record(bag);
        BagJournal codec = new BagJournal(new DatabagJson());
        List<BagJournal.Change> records = codec.parse(Files.readAllBytes(fixture.journal(BagKey.DHCP_ENTRY))).records();
        ObjectNode compacted = new DatabagJson().parseObject(fixture.plain().render(bag));

        ObjectNode replayed = compacted.deepCopy();
        BagJournal.apply(records, replayed);

        assertThat(replayed).isEqualTo(compacted);
    }

    @Test
    void pastTheLimitRecordWritesTheWholeBagAndLeavesNoJournal() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 400), 400, "vm-400");
        store.record(bag);
        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).exists();
        // every entry renamed: more than 64 KiB of journal (the file is ~130 KB, an eighth of it less)
        for (int n = 0; n < 400; n++) {
            bag = with(bag, n, "renamed-" + n);
        }

        assertThat(new BagJournal(new DatabagJson()).line(BagJournal.delta(List.of(), new DatabagWriter(new DatabagJson(),
                new EntryEnvelope(CODEC, new DatabagJson()), new BagText(false)).entryMembers(bag).orElseThrow())).length)
                .isGreaterThan(BagJournal.MIN_LIMIT_BYTES);

        store.record(bag);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        fixture.assertDhcpFileHolds(bag);
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void pastAThousandRecordsRecordWritesTheWholeBag() throws IOException {
        // a thousand small records (a removal each, 35 bytes) stay well under 64 KiB; the writes skip the fsync to keep the test fast
        DatabagStore store = DatabagStore.caching(new NonDurableHost(fixture.host()), CODEC, LATER);
        DhcpEntryBag bag = fixture.written(store, BagJournal.MAX_RECORDS + 1);
        for (int n = 0; n < BagJournal.MAX_RECORDS; n++) {
            bag = without(bag, n);
            store.record(bag);
        }
        assertThat(Files.readAllLines(fixture.journal(BagKey.DHCP_ENTRY))).hasSize(BagJournal.MAX_RECORDS + 1);

        bag = without(bag, BagJournal.MAX_RECORDS);
        store.record(bag);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        fixture.assertDhcpFileHolds(bag);
        assertThat(bag.isEmpty()).isTrue();
    }

    @Test
    void aSecretBagsJournalIsRootOnly() throws IOException {
        DatabagStore store = fixture.caching();
        VmPasswordBag passwords = new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), Secret.of("pw")));
        store.write(passwords);
        VmPasswordBag more = new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), passwords.passwords().get(IpAddress.parse("10.1.1.23")),
                IpAddress.parse("10.1.1.24"), Secret.of("pw2")));
        DhcpEntryBag dhcp = fixture.written(store, 2);

        store.record(more);
        store.record(with(dhcp, 2, "vm-2"));

        assertThat(mode(fixture.journal(BagKey.VM_PASSWORD))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(fixture.journal(BagKey.VM_PASSWORD))).element(1).asString().isEqualTo("{\"set\":{\"10.1.1.24\":\"pw2\"},\"remove\":[]}");
        assertThat(mode(fixture.journal(BagKey.DHCP_ENTRY))).isEqualTo("rw-r--r--");
        assertThat(fixture.plain().load().databags().vmPassword()).isEqualTo(more);
    }

    @Test
    void aPlainStoreRecordsByWritingWhole() throws IOException {
        DatabagStore store = fixture.plain();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");

        store.record(bag);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(Files.readAllBytes(fixture.file(BagKey.DHCP_ENTRY))).isEqualTo(store.render(bag));
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void aPlainStoreCompactsAJournalItFindsOnDisk() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);

        assertThat(fixture.plain().compact()).isTrue();

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        fixture.assertDhcpFileHolds(bag);
    }

    @Test
    void aCachingStoreCompactsAJournalLeftByAnEarlierProcess() throws IOException {
        DatabagStore earlier = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(earlier, 20), 20, "vm-20");
        earlier.record(bag);
        DatabagStore restarted = fixture.caching();

        assertThat(restarted.compact()).isTrue();

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void bagsNotWrittenEntryByEntryAreAlwaysWrittenWhole() throws IOException {
        DatabagStore store = fixture.caching();
        store.write(new CmdLineBag(Map.of("type", "router")));

        store.record(new CmdLineBag(Map.of("type", "router", "name", "r-1-VM")));

        assertThat(fixture.root().resolve("etc/cloudstack/cmdline.json.journal")).doesNotExist();
        assertThat(new String(Files.readAllBytes(fixture.file(BagKey.CMD_LINE)), StandardCharsets.UTF_8)).contains("r-1-VM");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** A host whose writes are atomic but not forced to disk. */
    private static final class NonDurableHost extends ForwardingHost {
        NonDurableHost(Host delegate) {
            super(delegate);
        }

        @Override
        public void write(String path, byte[] content, FileMode mode) throws IOException {
            delegate().write(path, content, mode, false);
        }
    }
}
