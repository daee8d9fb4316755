package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel holds, read in one go by {@link AddressApplier#read()}: every device with its
 * addresses, the IPv4 and IPv6 routes of every table but the local one, and the IPv4 policy rules.
 */
public record KernelState(List<KernelLink> links, List<KernelRoute> routes, List<KernelRule> rules) {
    public KernelState {
        links = List.copyOf(requireNonNull(links, "links is null"));
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    /** A kernel with nothing configured (what a dry run reads). */
    public static KernelState empty() {
        return new KernelState(List.of(), List.of(), List.of());
    }

    public Optional<KernelLink> link(String name) {
        return links.stream().filter(link -> link.name().equals(name)).findFirst();
    }

    Map<String, KernelLink> linksByName() {
        Map<String, KernelLink> byName = new HashMap<>();
        links.forEach(link -> byName.put(link.name(), link));
        return byName;
    }
}
