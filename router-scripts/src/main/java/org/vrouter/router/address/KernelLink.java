package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A device as the kernel reports it: name, MTU, whether it is administratively up, and its
 * addresses in the kernel's order.
 */
public record KernelLink(String name, int mtu, boolean up, List<KernelAddress> addresses) {
    public KernelLink {
        requireNonNull(name, "name is null");
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
    }
}
