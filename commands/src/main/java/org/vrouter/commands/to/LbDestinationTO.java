package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * One backend of a load balancer rule: CloudStack's {@code LoadBalancerTO.DestinationTO}. A revoked
 * destination is still listed (CloudStack sends it) but gets no {@code server} line.
 *
 * @param ip the VM's guest address; IPv4, as CloudStack's load balancer is IPv4 only
 * @param port the VM's port
 * @param revoked the destination is being removed
 * @param alreadyAdded the destination was applied before (state Active)
 */
public record LbDestinationTO(IpAddress ip, int port, boolean revoked, boolean alreadyAdded) {
    public LbDestinationTO {
        requireNonNull(ip, "ip is null");
        if (!ip.isIpv4()) {
            throw new InvalidParameterException("dest_ip", "load balancer destinations are IPv4 only", ip);
        }
        FieldChecks.requirePort("dest_port", port);
    }

    /** An active destination that is new to the router. */
    public static LbDestinationTO of(IpAddress ip, int port) {
        return new LbDestinationTO(ip, port, false, false);
    }

    /** The same destination, marked revoked. */
    public LbDestinationTO revoke() {
        return new LbDestinationTO(ip, port, true, alreadyAdded);
    }
}
