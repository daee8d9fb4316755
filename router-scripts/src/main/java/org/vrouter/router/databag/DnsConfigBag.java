package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.DnsConfigPayload;
import org.vrouter.commands.wire.payload.DnsHostRecord;

/**
 * The {@code dnsconfig} bag, a vrouter extension with no CloudStack counterpart: the domain the router's
 * DNS serves, upstream forwarders in preference order, and extra host records (lower-case name to
 * addresses, sorted by name). Each {@code dns_config.json} ({@link DnsConfigPayload}) replaces the whole
 * bag. The dnsmasq converge lets it override the boot arguments' {@code domain} and {@code dns1}/{@code dns2}
 * and adds the records to {@code /etc/hosts}.
 */
public record DnsConfigBag(Optional<String> domain, List<IpAddress> forwarders, Map<String, List<IpAddress>> hostRecords)
        implements Databag {

    public DnsConfigBag {
        requireNonNull(domain, "domain is null");
        forwarders = List.copyOf(forwarders);
        hostRecords = BagMaps.sorted(hostRecords, List::copyOf, "hostRecords");
    }

    /** The bag a {@code dns_config.json} makes: the payload's settings, nothing of what was there before. */
    public static DnsConfigBag of(DnsConfigPayload payload) {
        Map<String, List<IpAddress>> records = new LinkedHashMap<>();
        for (DnsHostRecord record : payload.hostRecords()) {
            records.put(record.hostName(), record.addresses());
        }
        return new DnsConfigBag(payload.domain(), payload.forwarders(), records);
    }

    public static DnsConfigBag empty() {
        return new DnsConfigBag(Optional.empty(), List.of(), Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.DNS_CONFIG;
    }

    @Override
    public boolean isEmpty() {
        return domain.isEmpty() && forwarders.isEmpty() && hostRecords.isEmpty();
    }
}
