package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FaultInjectingHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.FileVersion;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.HostHaltedException;

class DatabagJournalTest {
    /** A clock long after any file time: every version the store takes has settled. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2999-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final PayloadCodec CODEC = new PayloadCodec();

    @TempDir
    Path root;

    private Host host() {
        return new DryRunHost(root);
    }

    private DatabagStore caching() {
        return DatabagStore.caching(host(), CODEC, LATER);
    }

    private DatabagStore plain() {
        return new DatabagStore(host(), CODEC);
    }

    private Path file(BagKey key) {
        return root.resolve(key.path().substring(1));
    }

    private Path journal(BagKey key) {
        return root.resolve(key.journalPath().substring(1));
    }

    private static DhcpEntryPayload entry(int n, String hostName) {
        return CODEC.parse("{\"host_name\": \"" + hostName + "\", \"mac_address\": \"02:00:4c:5f:" + String.format("%02x:%02x", n / 256, n % 256)
                + "\", \"ipv4_address\": \"" + address(n) + "\", \"default_entry\": true, \"remove\": false, \"type\": \"dhcpentry\", "
                + "\"delete_from_processed_cache\": false}", DhcpEntryPayload.class);
    }

    private static IpAddress address(int n) {
        return IpAddress.parse("10.1." + (n / 250) + "." + (n % 250 + 1));
    }

    /** {@code count} DHCP entries, vm-0 to vm-(count-1). */
    private static Map<IpAddress, DhcpEntryPayload> entries(int count) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>();
        for (int n = 0; n < count; n++) {
            entries.put(address(n), entry(n, "vm-" + n));
        }
        return entries;
    }

    /** The bag with an entry added or replaced, sharing every other entry (as a merge does). */
    private static DhcpEntryBag with(DhcpEntryBag bag, int n, String hostName) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>(bag.entries());
        entries.put(address(n), entry(n, hostName));
        return new DhcpEntryBag(entries);
    }

    private static DhcpEntryBag without(DhcpEntryBag bag, int n) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>(bag.entries());
        entries.remove(address(n));
        return new DhcpEntryBag(entries);
    }

    private DhcpEntryBag written(DatabagStore store, int count) throws IOException {
        DhcpEntryBag bag = new DhcpEntryBag(entries(count));
        store.write(bag);
        return bag;
    }

    @Test
    void recordsOneMoreDhcpEntryInTheJournalAndLeavesTheBagFileAlone() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag before = written(store, 300);
        byte[] file = Files.readAllBytes(file(BagKey.DHCP_ENTRY));

        DhcpEntryBag after = with(before, 300, "vm-300");
        store.record(after);

        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(file);
        List<String> lines = Files.readAllLines(journal(BagKey.DHCP_ENTRY));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"base\":\"sha256:");
        assertThat(lines.get(1)).startsWith("{\"set\":{\"10.1.1.51\":{").contains("\"vm-300\"").endsWith("},\"remove\":[]}");
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(after);
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(after);
        assertThat(store.hasJournal()).isTrue();
    }

    @Test
    void recordsRemovalsChangesAndSeveralRecordsInARowThenCompactsToTheFileAFullWriteWrites() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = written(store, 300);

        bag = without(bag, 7);
        store.record(bag);
        bag = with(bag, 8, "renamed");
        store.record(bag);
        bag = with(bag, 301, "vm-301");
        store.record(bag);

        assertThat(Files.readAllLines(journal(BagKey.DHCP_ENTRY))).hasSize(4).element(1).asString()
                .isEqualTo("{\"set\":{},\"remove\":[\"10.1.0.8\"]}");
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);

        assertThat(store.compact()).isTrue();

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(plain().render(bag));
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(store.hasJournal()).isFalse();
        assertThat(store.compact()).isFalse();

        bag = with(bag, 302, "vm-302");
        store.record(bag);

        assertThat(Files.readAllLines(journal(BagKey.DHCP_ENTRY))).hasSize(2);
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void recordsNothingWhenNothingChanged() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = written(store, 10);

        store.record(new DhcpEntryBag(bag.entries()));

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void aWholeWriteDeletesTheJournal() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);

        store.write(with(bag, 21, "vm-21"));

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.hasJournal()).isFalse();
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(with(bag, 21, "vm-21"));
    }

    @Test
    void aCrashBetweenTheWholeWriteAndTheJournalDeletionLoadsTheWrittenBag() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);
        // the whole write changes the very entry the journal sets: replaying the journal on it would undo that
        DhcpEntryBag rewritten = with(bag, 20, "renamed");
        FaultInjectingHost crashing = new FaultInjectingHost(host(), FaultInjectingHost.Operation.WRITE, 2, FaultInjectingHost.Mode.HALT);

        assertThatThrownBy(() -> DatabagStore.caching(crashing, CODEC, LATER).write(rewritten)).isInstanceOf(HostHaltedException.class);

        assertThat(journal(BagKey.DHCP_ENTRY)).exists();
        DatabagSnapshot snapshot = plain().load();
        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(rewritten);
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void aCrashWhileCompactingLoadsTheSameBag() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);
        FaultInjectingHost crashing = new FaultInjectingHost(host(), FaultInjectingHost.Operation.WRITE, 2, FaultInjectingHost.Mode.HALT);
        DatabagStore restarted = DatabagStore.caching(crashing, CODEC, LATER);
        restarted.load();

        assertThatThrownBy(restarted::compact).isInstanceOf(HostHaltedException.class);

        assertThat(journal(BagKey.DHCP_ENTRY)).exists();
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(plain().render(bag));
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);
        assertThat(caching().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void replayingRecordsOnAFileThatAlreadyHoldsThemChangesNothing() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = without(with(written(store, 20), 20, "vm-20"), 3);
        store.record(bag);
        BagJournal codec = new BagJournal(new DatabagJson());
        List<BagJournal.Change> records = codec.parse(Files.readAllBytes(journal(BagKey.DHCP_ENTRY))).records();
        var compacted = new DatabagJson().parseObject(plain().render(bag));

        var replayed = compacted.deepCopy();
        BagJournal.apply(records, replayed);

        assertThat(replayed).isEqualTo(compacted);
    }

    @Test
    void pastTheLimitRecordWritesTheWholeBagAndLeavesNoJournal() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 400), 400, "vm-400");
        store.record(bag);
        assertThat(journal(BagKey.DHCP_ENTRY)).exists();
        // every entry renamed: more than 64 KiB of journal (the file is ~130 KB, an eighth of it less)
        for (int n = 0; n < 400; n++) {
            bag = with(bag, n, "renamed-" + n);
        }

        assertThat(new BagJournal(new DatabagJson()).line(BagJournal.delta(List.of(), new DatabagWriter(new DatabagJson(),
                new EntryEnvelope(CODEC, new DatabagJson()), new BagText(false)).entryMembers(bag).orElseThrow())).length)
                .isGreaterThan(BagJournal.MIN_LIMIT_BYTES);

        store.record(bag);

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(plain().render(bag));
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void noticesAJournalReplacedBehindItsBack() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);
        store.load();

        DatabagStore other = caching();
        other.load();
        DhcpEntryBag theirs = with(bag, 21, "vm-21");
        other.record(theirs);

        assertThat(store.load().databags().dhcpEntry()).isEqualTo(theirs);
    }

    @Test
    void noticesABagWrittenWholeBehindItsBack() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);
        store.load();

        DhcpEntryBag theirs = without(bag, 20);
        plain().write(theirs);

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(theirs);
    }

    @Test
    void recordAfterAChangeBehindItsBackWritesTheWholeBag() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = written(store, 20);
        DatabagStore other = caching();
        other.load();
        other.record(with(bag, 20, "theirs"));

        DhcpEntryBag ours = with(bag, 21, "ours");
        store.record(ours);

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(ours);
    }

    @Test
    void aCachingStoreDoesNotReadAgainABagItRecorded() throws IOException {
        CountingHost counting = new CountingHost(host());
        DatabagStore store = DatabagStore.caching(counting, CODEC, LATER);
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);

        DatabagSnapshot snapshot = store.load();

        assertThat(counting.reads).isZero();
        assertThat(snapshot.databags().dhcpEntry()).isSameAs(bag);
    }

    @Test
    void recordReadsABagFileWrittenAMomentAgoOnlyUntilItsVersionHasSettled() throws IOException {
        CountingHost counting = new CountingHost(host());
        SteppingClock clock = new SteppingClock(Instant.now());
        DatabagStore store = DatabagStore.caching(counting, CODEC, clock);
        DhcpEntryBag bag = written(store, 20);

        for (int n = 20; n < 23; n++) {
            bag = with(bag, n, "vm-" + n);
            store.record(bag);
            clock.now = clock.now.plusSeconds(10);
        }

        // the first record compares the bytes of a file too recent to trust, the second sees its version settled, the third trusts it
        assertThat(counting.readsOf(BagKey.DHCP_ENTRY.path())).isEqualTo(2);
        assertThat(Files.readAllLines(journal(BagKey.DHCP_ENTRY))).hasSize(4);
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void anUnreadableJournalIsReportedKeptAndIgnored() throws IOException {
        DhcpEntryBag bag = written(plain(), 5);
        host().writeText(BagKey.DHCP_ENTRY.journalPath(), "{\"base\": \"none\"}\nnot json\n", FileMode.PUBLIC);
        DatabagStore store = caching();

        DatabagSnapshot snapshot = store.load();

        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(bag);
        assertThat(snapshot.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.inJournal()).isTrue();
            assertThat(problem.isWholeFile()).isFalse();
            assertThat(problem.message()).startsWith("/etc/cloudstack/dhcpentry.json.journal: line 2: malformed JSON at column 1 (")
                    .endsWith("(journal ignored, bag read from /etc/cloudstack/dhcpentry.json alone; "
                            + "copy kept as /etc/cloudstack/dhcpentry.json.journal.unreadable)");
        });
        assertThat(Files.readString(root.resolve("etc/cloudstack/dhcpentry.json.journal.unreadable")))
                .isEqualTo("{\"base\": \"none\"}\nnot json\n");
        assertThat(plain().load().problems()).singleElement().satisfies(problem -> assertThat(problem.inJournal()).isTrue());

        DhcpEntryBag next = with(bag, 5, "vm-5");
        store.record(next);

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(next);
    }

    @Test
    void aJournalWithoutABagFileAppliesToAnEmptyBag() throws IOException {
        host().writeText(BagKey.DHCP_ENTRY.journalPath(), "{\"base\":\"none\"}\n{\"set\":{\"10.1.0.1\":" + CODEC.toJson(entry(0, "vm-0"))
                + ",\"10.1.0.2\":" + CODEC.toJson(entry(1, "vm-1")) + "},\"remove\":[]}\n{\"set\":{},\"remove\":[\"10.1.0.2\"]}\n",
                FileMode.PUBLIC);

        DatabagSnapshot snapshot = plain().load();

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(new DhcpEntryBag(entries(1)));
        assertThat(caching().load().databags().dhcpEntry()).isEqualTo(new DhcpEntryBag(entries(1)));
    }

    @Test
    void aSecretBagsJournalIsRootOnly() throws IOException {
        DatabagStore store = caching();
        VmPasswordBag passwords = new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), Secret.of("pw")));
        store.write(passwords);
        VmPasswordBag more = new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), passwords.passwords().get(IpAddress.parse("10.1.1.23")),
                IpAddress.parse("10.1.1.24"), Secret.of("pw2")));
        DhcpEntryBag dhcp = written(store, 2);

        store.record(more);
        store.record(with(dhcp, 2, "vm-2"));

        assertThat(mode(journal(BagKey.VM_PASSWORD))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(journal(BagKey.VM_PASSWORD))).element(1).asString().isEqualTo("{\"set\":{\"10.1.1.24\":\"pw2\"},\"remove\":[]}");
        assertThat(mode(journal(BagKey.DHCP_ENTRY))).isEqualTo("rw-r--r--");
        assertThat(plain().load().databags().vmPassword()).isEqualTo(more);
    }

    @Test
    void aPlainStoreRecordsByWritingWhole() throws IOException {
        DatabagStore store = plain();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");

        store.record(bag);

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(store.render(bag));
        assertThat(store.hasJournal()).isFalse();
    }

    @Test
    void aPlainStoreCompactsAJournalItFindsOnDisk() throws IOException {
        DatabagStore store = caching();
        DhcpEntryBag bag = with(written(store, 20), 20, "vm-20");
        store.record(bag);

        assertThat(plain().compact()).isTrue();

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(plain().render(bag));
    }

    @Test
    void aCachingStoreCompactsAJournalLeftByAnEarlierProcess() throws IOException {
        DatabagStore earlier = caching();
        DhcpEntryBag bag = with(written(earlier, 20), 20, "vm-20");
        earlier.record(bag);
        DatabagStore restarted = caching();

        assertThat(restarted.compact()).isTrue();

        assertThat(journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void anUnreadableSecretJournalIsReportedWithoutItsContent() throws IOException {
        host().writeText(BagKey.VM_PASSWORD.journalPath(), "{\"base\":\"none\"}\n{\"set\":{\"10.1.1.5\":hunter2}}\n", FileMode.SECRET);

        assertThat(plain().load().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("line 2: malformed JSON").doesNotContain("hunter2"));
    }

    @Test
    void bagsNotWrittenEntryByEntryAreAlwaysWrittenWhole() throws IOException {
        DatabagStore store = caching();
        store.write(new CmdLineBag(Map.of("type", "router")));

        store.record(new CmdLineBag(Map.of("type", "router", "name", "r-1-VM")));

        assertThat(root.resolve("etc/cloudstack/cmdline.json.journal")).doesNotExist();
        assertThat(new String(Files.readAllBytes(file(BagKey.CMD_LINE)), StandardCharsets.UTF_8)).contains("r-1-VM");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** A clock the test moves. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A host that counts file reads. */
    private static final class CountingHost extends ForwardingHost {
        private final List<String> paths = new java.util.ArrayList<>();
        private int reads;

        int readsOf(String path) {
            return (int) paths.stream().filter(path::equals).count();
        }

        CountingHost(Host delegate) {
            super(delegate);
        }

        @Override
        public Optional<FileVersion> version(String path) throws IOException {
            return delegate().version(path);
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            reads++;
            paths.add(path);
            return delegate().read(path);
        }
    }
}
