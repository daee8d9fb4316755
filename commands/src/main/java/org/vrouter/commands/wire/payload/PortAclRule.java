package org.vrouter.commands.wire.payload;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.PortRange;

/**
 * A {@code tcp} or {@code udp} ACL rule over a port range; ports {@code 0}/{@code 0} mean "all ports",
 * as CloudStack encodes a rule without ports.
 */
public record PortAclRule(
        @JsonProperty("type") String type,
        @JsonProperty("first_port") int firstPort,
        @JsonProperty("last_port") int lastPort,
        @JsonProperty("cidr") CidrList cidr,
        @JsonProperty("allowed") boolean allowed) implements AclRule {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");

    public PortAclRule {
        WireChecks.oneOf("type", type, PROTOCOLS);
        WireChecks.nonEmpty("cidr", cidr);
        if (firstPort != 0 || lastPort != 0) {
            if (firstPort < 1 || firstPort > 65535) {
                throw new InvalidParameterException("first_port",
                        "port must be between 1 and 65535 (or 0 with last_port 0 for all ports)", firstPort);
            }
            if (lastPort < 1 || lastPort > 65535) {
                throw new InvalidParameterException("last_port",
                        "port must be between 1 and 65535 (or 0 with first_port 0 for all ports)", lastPort);
            }
            if (firstPort > lastPort) {
                throw new InvalidParameterException("last_port", "is before first_port", firstPort + ":" + lastPort);
            }
        }
    }

    /** The matched ports; empty means all ports. */
    public Optional<PortRange> ports() {
        return firstPort == 0 ? Optional.empty() : Optional.of(PortRange.of(firstPort, lastPort));
    }
}
