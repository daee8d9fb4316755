package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * The router's control interface ({@code eth1} on an isolated router, link-local or pod address):
 * it carries only SSH on port 3922 from the host or management server. Input to
 * {@link IsolatedFirewallRenderer}.
 *
 * @param device the interface, {@code eth<N>}
 * @param address the router's IPv4 address on it
 */
public record ControlNic(String device, IpAddress address) {
    public ControlNic {
        NicNames.require("device", device);
        requireNonNull(address, "address is null");
        if (!address.isIpv4()) {
            throw new InvalidParameterException("address", "the control address must be IPv4", address);
        }
    }
}
