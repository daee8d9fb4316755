package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * One-to-one NAT between a public address and a VM: everything sent to the public address goes to
 * the VM, and the VM's new connections leave from the public address (a {@code forwardingrules}
 * databag entry of type {@code staticnat}). Input to {@link IsolatedFirewallRenderer}.
 *
 * @param publicIp the public address ({@code public_ip}); not a source-NAT address
 * @param vmIp the VM's guest address ({@code internal_ip})
 */
public record StaticNat(IpAddress publicIp, IpAddress vmIp) {
    public StaticNat {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(vmIp, "vmIp is null");
        if (!publicIp.isIpv4() || !vmIp.isIpv4()) {
            throw new InvalidParameterException(publicIp.isIpv4() ? "internal_ip" : "public_ip", "must be IPv4",
                    publicIp.isIpv4() ? vmIp : publicIp);
        }
    }
}
