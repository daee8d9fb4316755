package org.vrouter.router.databag;

import java.util.List;
import java.util.Map;

import org.vrouter.api.net.IpAddress;

/**
 * The {@code forwardingrules} bag: port forwards and static NAT by public address, in address order.
 * Unlike CloudStack's merge, both kinds may share an address without one clobbering the other; each
 * list holds at most one {@link StaticNatEntry} and no two forwards with the same public ports and
 * protocol, and no list is empty.
 */
public record ForwardingRulesBag(Map<IpAddress, List<ForwardingEntry>> addresses) implements Databag {
    public ForwardingRulesBag {
        addresses = BagMaps.sorted(addresses, List::copyOf, "addresses");
        addresses.forEach((address, entries) -> {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("forwarding rules of " + address + " are empty");
            }
            for (ForwardingEntry entry : entries) {
                if (!entry.publicIp().equals(address)) {
                    throw new IllegalArgumentException("forwarding rule of " + entry.publicIp() + " listed under " + address);
                }
            }
            if (entries.stream().filter(StaticNatEntry.class::isInstance).count() > 1) {
                throw new IllegalArgumentException("two static NAT entries for " + address);
            }
        });
    }

    public static ForwardingRulesBag empty() {
        return new ForwardingRulesBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.FORWARDING_RULES;
    }

    @Override
    public boolean isEmpty() {
        return addresses.isEmpty();
    }

    public List<ForwardingEntry> get(IpAddress publicIp) {
        return addresses.getOrDefault(publicIp, List.of());
    }

    /** Every port forward, by address then list order. */
    public List<PortForwardEntry> portForwards() {
        return addresses.values().stream().flatMap(List::stream)
                .filter(PortForwardEntry.class::isInstance).map(PortForwardEntry.class::cast).toList();
    }

    /** Every static NAT, in address order. */
    public List<StaticNatEntry> staticNats() {
        return addresses.values().stream().flatMap(List::stream)
                .filter(StaticNatEntry.class::isInstance).map(StaticNatEntry.class::cast).toList();
    }
}
