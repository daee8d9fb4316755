package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A public load-balancing rule: connections to {@code publicIp:publicPort} are spread over the
 * destinations' {@code privatePort}s (an haproxy {@code listen} section on the router).
 *
 * <p>Validated at construction: ports 1 to 65535; the public address is IPv4; destinations are
 * unique by address and port. An empty source CIDR list means any source. Build one with
 * {@link #builder(long, String, long, IpAddress, int, int)}.
 *
 * @param uuid the rule's uuid ({@code LoadBalancerTO.uuid})
 * @param privatePort the default backend port; each destination carries its own port
 * @param stickiness at most one active stickiness policy
 * @param healthCheck at most one health check
 */
public record LoadBalancingRule(
        long id,
        String uuid,
        IpAddress publicIp,
        int publicPort,
        int privatePort,
        LbAlgorithm algorithm,
        LbProtocol protocol,
        List<LbDestination> destinations,
        Optional<StickinessPolicy> stickiness,
        Optional<HealthCheckPolicy> healthCheck,
        List<Cidr> sourceCidrs,
        RuleState state,
        long networkId) {

    public LoadBalancingRule {
        FieldChecks.requireNonNegative("id", id);
        FieldChecks.requireIdentifier("uuid", uuid);
        requireNonNull(publicIp, "publicIp is null").requireIpv4("src_ip");
        FieldChecks.requirePort("src_port", publicPort);
        FieldChecks.requirePort("private_port", privatePort);
        requireNonNull(algorithm, "algorithm is null");
        requireNonNull(protocol, "protocol is null");
        destinations = List.copyOf(destinations);
        for (int i = 0; i < destinations.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (destinations.get(i).address().equals(destinations.get(j).address()) && destinations.get(i).port() == destinations.get(j).port()) {
                    throw new InvalidParameterException("destinations[" + i + "]", "duplicate destination",
                            destinations.get(i).address() + ":" + destinations.get(i).port());
                }
            }
        }
        requireNonNull(stickiness, "stickiness is null");
        requireNonNull(healthCheck, "healthCheck is null");
        sourceCidrs = RuleChecks.copyCidrs("source_cidr_list", sourceCidrs);
        requireNonNull(state, "state is null");
        FieldChecks.requirePositive("network_id", networkId);
    }

    /** Starts a round-robin tcp rule in state Add. */
    public static Builder builder(long id, String uuid, long networkId, IpAddress publicIp, int publicPort, int privatePort) {
        return new Builder(id, uuid, networkId, publicIp, publicPort, privatePort);
    }

    /** The destinations still in force (not revoked). */
    public List<LbDestination> activeDestinations() {
        return destinations.stream().filter(destination -> !destination.revoked()).toList();
    }

    /** Collects the components of a {@link LoadBalancingRule}; {@link #build()} validates them. */
    public static final class Builder {
        private final long id;
        private final String uuid;
        private final long networkId;
        private final IpAddress publicIp;
        private final int publicPort;
        private final int privatePort;
        private LbAlgorithm algorithm = LbAlgorithm.ROUND_ROBIN;
        private LbProtocol protocol = LbProtocol.TCP;
        private List<LbDestination> destinations = List.of();
        private Optional<StickinessPolicy> stickiness = Optional.empty();
        private Optional<HealthCheckPolicy> healthCheck = Optional.empty();
        private List<Cidr> sourceCidrs = List.of();
        private RuleState state = RuleState.ADD;

        private Builder(long id, String uuid, long networkId, IpAddress publicIp, int publicPort, int privatePort) {
            this.id = id;
            this.uuid = uuid;
            this.networkId = networkId;
            this.publicIp = publicIp;
            this.publicPort = publicPort;
            this.privatePort = privatePort;
        }

        public Builder algorithm(LbAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        public Builder protocol(LbProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder destinations(List<LbDestination> destinations) {
            this.destinations = destinations;
            return this;
        }

        public Builder stickiness(StickinessPolicy stickiness) {
            this.stickiness = Optional.of(stickiness);
            return this;
        }

        public Builder healthCheck(HealthCheckPolicy healthCheck) {
            this.healthCheck = Optional.of(healthCheck);
            return this;
        }

        public Builder sourceCidrs(List<Cidr> sourceCidrs) {
            this.sourceCidrs = sourceCidrs;
            return this;
        }

        public Builder state(RuleState state) {
            this.state = state;
            return this;
        }

        public LoadBalancingRule build() {
            return new LoadBalancingRule(id, uuid, publicIp, publicPort, privatePort, algorithm, protocol, destinations, stickiness,
                    healthCheck, sourceCidrs, state, networkId);
        }
    }
}
