package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.net.IpAddress;

/**
 * A lease the applier asked dnsmasq to drop because no reservation holds it any more: the
 * interface, the address and the {@code dhcp_release} or {@code dhcp_release6} command that did it.
 */
public record DhcpRelease(String device, IpAddress address, List<String> argv) {
    public DhcpRelease {
        requireNonNull(device, "device is null");
        requireNonNull(address, "address is null");
        argv = List.copyOf(requireNonNull(argv, "argv is null"));
    }
}
