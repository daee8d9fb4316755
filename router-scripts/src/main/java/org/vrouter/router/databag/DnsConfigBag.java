package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;

/**
 * The {@code dnsconfig} bag, a vrouter extension with no CloudStack counterpart: the domain the router's
 * DNS serves, upstream forwarders in preference order, and extra host records (lower-case name to
 * addresses, sorted by name).
 *
 * <p>HOOK(dnsconfig): the payload type ({@code wire.payload.DnsConfigPayload}) is being added to the
 * commands module in parallel. Until it lands nothing merges into this bag and it is always read as
 * stored; when it lands, add its merge (a full replace) to {@link DatabagMerger} and check that the field
 * names here match the payload's.
 */
public record DnsConfigBag(Optional<String> domain, List<IpAddress> forwarders, Map<String, List<IpAddress>> hostRecords)
        implements Databag {

    public DnsConfigBag {
        requireNonNull(domain, "domain is null");
        forwarders = List.copyOf(forwarders);
        hostRecords = BagMaps.sorted(hostRecords, List::copyOf, "hostRecords");
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
