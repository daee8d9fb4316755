package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;

/** Stores over a temporary router root and DHCP bags that share entries as a merge does, for the journal tests. */
record JournalFixture(Path root) {
    /** A clock long after any file time: every version the store takes has settled. */
    static final Clock LATER = Clock.fixed(Instant.parse("2999-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final PayloadCodec CODEC = new PayloadCodec();

    JournalFixture {
        requireNonNull(root, "root is null");
    }

    Host host() {
        return new DryRunHost(root);
    }

    DatabagStore caching() {
        return DatabagStore.caching(host(), CODEC, LATER);
    }

    DatabagStore plain() {
        return new DatabagStore(host(), CODEC);
    }

    Path file(BagKey key) {
        return root.resolve(key.path().substring(1));
    }

    /** The DHCP bag's file holds {@code bag} whole, as a plain store writes it. */
    void assertDhcpFileHolds(Databag bag) throws IOException {
        assertThat(Files.readAllBytes(file(BagKey.DHCP_ENTRY))).isEqualTo(plain().render(bag));
    }

    Path journal(BagKey key) {
        return root.resolve(key.journalPath().substring(1));
    }

    /** A bag of {@code count} entries written whole. */
    DhcpEntryBag written(DatabagStore store, int count) throws IOException {
        DhcpEntryBag bag = new DhcpEntryBag(entries(count));
        store.write(bag);
        return bag;
    }

    static DhcpEntryPayload entry(int n, String hostName) {
        return CODEC.parse("{\"host_name\": \"" + hostName + "\", \"mac_address\": \"02:00:4c:5f:" + String.format("%02x:%02x", n / 256, n % 256)
                + "\", \"ipv4_address\": \"" + address(n) + "\", \"default_entry\": true, \"remove\": false, \"type\": \"dhcpentry\", "
                + "\"delete_from_processed_cache\": false}", DhcpEntryPayload.class);
    }

    static IpAddress address(int n) {
        return IpAddress.parse("10.1." + (n / 250) + "." + (n % 250 + 1));
    }

    /** {@code count} DHCP entries, vm-0 to vm-(count-1). */
    static Map<IpAddress, DhcpEntryPayload> entries(int count) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>();
        for (int n = 0; n < count; n++) {
            entries.put(address(n), entry(n, "vm-" + n));
        }
        return entries;
    }

    /** The bag with an entry added or replaced, sharing every other entry (as a merge does). */
    static DhcpEntryBag with(DhcpEntryBag bag, int n, String hostName) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>(bag.entries());
        entries.put(address(n), entry(n, hostName));
        return new DhcpEntryBag(entries);
    }

    static DhcpEntryBag without(DhcpEntryBag bag, int n) {
        Map<IpAddress, DhcpEntryPayload> entries = new TreeMap<>(bag.entries());
        entries.remove(address(n));
        return new DhcpEntryBag(entries);
    }
}
