package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.databag.JournalFixture.CODEC;
import static org.vrouter.router.databag.JournalFixture.LATER;
import static org.vrouter.router.databag.JournalFixture.entries;
import static org.vrouter.router.databag.JournalFixture.entry;
import static org.vrouter.router.databag.JournalFixture.with;
import static org.vrouter.router.databag.JournalFixture.without;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.FileVersion;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;

/** Loading bags with a journal: replay, what a caching store notices and reads, unreadable journals. */
class DatabagJournalLoadTest {
    @TempDir
    Path root;

    private JournalFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new JournalFixture(root);
    }

    @Test
    void noticesAJournalReplacedBehindItsBack() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);
        store.load();

        DatabagStore other = fixture.caching();
        other.load();
        DhcpEntryBag theirs = with(bag, 21, "vm-21");
        other.record(theirs);

        assertThat(store.load().databags().dhcpEntry()).isEqualTo(theirs);
    }

    @Test
    void noticesABagWrittenWholeBehindItsBack() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);
        store.load();

        DhcpEntryBag theirs = without(bag, 20);
        fixture.plain().write(theirs);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(store.load().databags().dhcpEntry()).isEqualTo(theirs);
    }

    @Test
    void recordAfterAChangeBehindItsBackWritesTheWholeBag() throws IOException {
        DatabagStore store = fixture.caching();
        DhcpEntryBag bag = fixture.written(store, 20);
        DatabagStore other = fixture.caching();
        other.load();
        other.record(with(bag, 20, "theirs"));

        DhcpEntryBag ours = with(bag, 21, "ours");
        store.record(ours);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(ours);
    }

    @Test
    void aCachingStoreDoesNotReadAgainABagItRecorded() throws IOException {
        CountingHost counting = new CountingHost(fixture.host());
        DatabagStore store = DatabagStore.caching(counting, CODEC, LATER);
        DhcpEntryBag bag = with(fixture.written(store, 20), 20, "vm-20");
        store.record(bag);

        DatabagSnapshot snapshot = store.load();

        assertThat(counting.reads).isZero();
        assertThat(snapshot.databags().dhcpEntry()).isSameAs(bag);
    }

    @Test
    void recordReadsABagFileWrittenAMomentAgoOnlyUntilItsVersionHasSettled() throws IOException {
        CountingHost counting = new CountingHost(fixture.host());
        SteppingClock clock = new SteppingClock(Instant.now());
        DatabagStore store = DatabagStore.caching(counting, CODEC, clock);
        DhcpEntryBag bag = fixture.written(store, 20);

        for (int n = 20; n < 23; n++) {
            bag = with(bag, n, "vm-" + n);
            store.record(bag);
            clock.now = clock.now.plusSeconds(10);
        }

        // the first record compares the bytes of a file too recent to trust, the second sees its version settled, the third trusts it
        assertThat(counting.readsOf(BagKey.DHCP_ENTRY.path())).isEqualTo(2);
        assertThat(Files.readAllLines(fixture.journal(BagKey.DHCP_ENTRY))).hasSize(4);
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(bag);
    }

    @Test
    void aLoadAfterARecordReadsTheJournalAgainButNotTheBagFile() throws IOException {
        CountingHost counting = new CountingHost(fixture.host());
        SteppingClock clock = new SteppingClock(Instant.now());
        DatabagStore store = DatabagStore.caching(counting, CODEC, clock);
        DhcpEntryBag bag = fixture.written(store, 20);
        clock.now = clock.now.plusSeconds(10);
        store.load();
        // back to the time of the files: the journal the record writes is too recent to trust
        clock.now = clock.now.minusSeconds(10);
        bag = with(bag, 20, "vm-20");
        store.record(bag);
        int bagReads = counting.readsOf(BagKey.DHCP_ENTRY.path());
        int journalReads = counting.readsOf(BagKey.DHCP_ENTRY.journalPath());

        DatabagSnapshot snapshot = store.load();

        assertThat(snapshot.databags().dhcpEntry()).isSameAs(bag);
        assertThat(counting.readsOf(BagKey.DHCP_ENTRY.path())).isEqualTo(bagReads);
        assertThat(counting.readsOf(BagKey.DHCP_ENTRY.journalPath())).isEqualTo(journalReads + 1);
    }

    @Test
    void anUnreadableJournalIsReportedKeptAndIgnored() throws IOException {
        DhcpEntryBag bag = fixture.written(fixture.plain(), 5);
        fixture.host().writeText(BagKey.DHCP_ENTRY.journalPath(), "{\"base\": \"none\"}\nnot json\n", FileMode.PUBLIC);
        DatabagStore store = fixture.caching();

        DatabagSnapshot snapshot = store.load();

        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(bag);
        assertThat(snapshot.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.inJournal()).isTrue();
            assertThat(problem.isWholeFile()).isFalse();
            assertThat(problem.message()).startsWith("/etc/cloudstack/dhcpentry.json.journal: line 2: malformed JSON at column 1 (")
                    .endsWith("(journal ignored, bag read from /etc/cloudstack/dhcpentry.json alone; "
                            + "copy kept as /etc/cloudstack/dhcpentry.json.journal.unreadable)");
        });
        assertThat(Files.readString(fixture.root().resolve("etc/cloudstack/dhcpentry.json.journal.unreadable")))
                .isEqualTo("{\"base\": \"none\"}\nnot json\n");
        assertThat(fixture.plain().load().problems()).singleElement().satisfies(problem -> assertThat(problem.inJournal()).isTrue());

        DhcpEntryBag next = with(bag, 5, "vm-5");
        store.record(next);

        assertThat(fixture.journal(BagKey.DHCP_ENTRY)).doesNotExist();
        assertThat(fixture.plain().load().databags().dhcpEntry()).isEqualTo(next);
    }

    @Test
    void aJournalWithoutABagFileAppliesToAnEmptyBag() throws IOException {
        fixture.host().writeText(BagKey.DHCP_ENTRY.journalPath(), "{\"base\":\"none\"}\n{\"set\":{\"10.1.0.1\":" + CODEC.toJson(entry(0, "vm-0"))
                + ",\"10.1.0.2\":" + CODEC.toJson(entry(1, "vm-1")) + "},\"remove\":[]}\n{\"set\":{},\"remove\":[\"10.1.0.2\"]}\n",
                FileMode.PUBLIC);

        DatabagSnapshot snapshot = fixture.plain().load();

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.databags().dhcpEntry()).isEqualTo(new DhcpEntryBag(entries(1)));
        assertThat(fixture.caching().load().databags().dhcpEntry()).isEqualTo(new DhcpEntryBag(entries(1)));
    }

    @Test
    void anUnreadableSecretJournalIsReportedWithoutItsContent() throws IOException {
        fixture.host().writeText(BagKey.VM_PASSWORD.journalPath(), "{\"base\":\"none\"}\n{\"set\":{\"10.1.1.5\":hunter2}}\n", FileMode.SECRET);

        assertThat(fixture.plain().load().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("line 2: malformed JSON").doesNotContain("hunter2"));
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A host that counts file reads. */
    private static final class CountingHost extends ForwardingHost {
        private final List<String> paths = new ArrayList<>();
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
