package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

/**
 * A VRRP virtual address: a guest gateway with its prefix length, on the router device that holds it
 * while the router is PRIMARY.
 *
 * @param device the router interface ({@code eth0})
 * @param address the gateway and the network's prefix length ({@code 10.1.1.1/24})
 */
public record VirtualAddress(String device, Cidr address) {
    public VirtualAddress {
        RedundancyInput.requireDevice("device", device);
        requireNonNull(address, "address is null");
        if (!address.isIpv4()) {
            throw new InvalidParameterException("guestgw", "must be an IPv4 address", address);
        }
    }

    @Override
    public String toString() {
        return address + " dev " + device;
    }
}
