package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;

/**
 * A gratuitous ARP to send once {@link #step} has added {@link #address} to a public device, so the
 * upstream gateway and neighbours learn the router's MAC for it at once (after a move or failover)
 * instead of after their ARP entry expires.
 */
public record Announcement(String device, IpAddress address, AddressStep step) {
    public Announcement {
        requireNonNull(device, "device is null");
        requireNonNull(address, "address is null");
        requireNonNull(step, "step is null");
        if (!address.isIpv4()) {
            throw new IllegalArgumentException("ARP announces IPv4 addresses only: " + address);
        }
    }

    @Override
    public String toString() {
        return device + " " + address;
    }
}
