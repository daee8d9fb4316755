package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;

/**
 * The {@code dhcpentry} bag: the DHCP and DNS entry of every VM NIC, keyed by its IPv4 address (its IPv6
 * address for an IPv6-only NIC), in address order. Each value is the {@code vm_dhcp_entry.json} received
 * for that NIC; none is a removal ({@code remove} is always false). The merge keeps one entry per MAC
 * address (a bag CloudStack wrote may hold more).
 */
public record DhcpEntryBag(Map<IpAddress, DhcpEntryPayload> entries) implements Databag {
    public DhcpEntryBag {
        entries = BagMaps.sorted(entries, "entries");
        entries.forEach((address, entry) -> {
            if (!keyOf(entry).equals(address)) {
                throw new IllegalArgumentException("dhcp entry of " + keyOf(entry) + " listed under " + address);
            }
            if (entry.remove()) {
                throw new IllegalArgumentException("dhcp entry of " + address + " is a removal");
            }
        });
    }

    public static DhcpEntryBag empty() {
        return new DhcpEntryBag(Map.of());
    }

    /** The key of an entry: its IPv4 address, else its IPv6 address. */
    public static IpAddress keyOf(DhcpEntryPayload entry) {
        return entry.ipv4Address().or(entry::ipv6Address).orElseThrow();
    }

    @Override
    public BagKey key() {
        return BagKey.DHCP_ENTRY;
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<DhcpEntryPayload> get(IpAddress address) {
        return Optional.ofNullable(entries.get(address));
    }
}
