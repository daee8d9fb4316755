package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.net.IpAddress;

/**
 * A backend of a load-balancing rule: a VM address and port.
 *
 * @param revoked whether the backend is being removed from the rule
 */
public record LbDestination(IpAddress address, int port, boolean revoked) {
    public LbDestination {
        requireNonNull(address, "address is null");
        FieldChecks.requirePort("dest_port", port);
    }

    /** A backend to add. */
    public static LbDestination of(IpAddress address, int port) {
        return new LbDestination(address, port, false);
    }
}
