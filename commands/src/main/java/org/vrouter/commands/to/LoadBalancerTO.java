package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.validation.FieldChecks;

/**
 * One load balancer rule as the virtual router applies it: CloudStack's {@code LoadBalancerTO}.
 * A public address and port ({@code sourceIp:sourcePort}) spread over {@link LbDestinationTO}s by
 * an {@link LbAlgorithm}, with at most one stickiness policy, at most one health check and an
 * optional list of client CIDRs allowed to connect.
 *
 * <p>A revoked rule is still listed (its firewall opening must be removed) but gets no haproxy
 * section. Built by {@code CommandSetupHelper} for {@code LoadBalancerConfigCommand}; use
 * {@link #builder} when options pile up.
 *
 * <p>Left out of CloudStack's TO because nothing on the virtual router reads them: {@code inline},
 * source VLAN/gateway/netmask, network id, autoscale group, destination monitor state; the SSL
 * certificate (TLS offload) is not supported yet.
 *
 * @param uuid the rule's uuid
 * @param sourceIp the public address; IPv4, as CloudStack's load balancer is IPv4 only
 * @param sourcePort the public port
 * @param protocol the rule's protocol ({@code tcp} normally)
 * @param lbProtocol the load balancer protocol when set ({@code tcp}, {@code tcp-proxy}); it wins
 *     over {@code protocol}, see {@link #effectiveProtocol()}
 * @param algorithm how connections are spread
 * @param revoked the rule is being removed
 * @param alreadyAdded the rule was applied before (state Active)
 * @param destinations the backends, in CloudStack's order (server names are numbered in this order,
 *     skipping revoked ones)
 * @param stickinessPolicy the active stickiness policy, if any
 * @param healthCheckPolicy the active health check policy, if any
 * @param sourceCidrs client networks allowed to connect; empty means everyone
 */
public record LoadBalancerTO(String uuid, IpAddress sourceIp, int sourcePort, LbProtocol protocol, Optional<LbProtocol> lbProtocol,
        LbAlgorithm algorithm, boolean revoked, boolean alreadyAdded, List<LbDestinationTO> destinations,
        Optional<LbStickinessPolicyTO> stickinessPolicy, Optional<LbHealthCheckPolicyTO> healthCheckPolicy, List<Cidr> sourceCidrs) {

    public LoadBalancerTO {
        FieldChecks.requireIdentifier("uuid", uuid);
        requireNonNull(sourceIp, "sourceIp is null");
        if (!sourceIp.isIpv4()) {
            throw new InvalidParameterException("src_ip", "load balancer rules are IPv4 only", sourceIp);
        }
        FieldChecks.requirePort("src_port", sourcePort);
        requireNonNull(protocol, "protocol is null");
        requireNonNull(lbProtocol, "lbProtocol is null");
        requireNonNull(algorithm, "algorithm is null");
        destinations = List.copyOf(requireNonNull(destinations, "destinations is null"));
        requireNonNull(stickinessPolicy, "stickinessPolicy is null");
        requireNonNull(healthCheckPolicy, "healthCheckPolicy is null");
        sourceCidrs = List.copyOf(requireNonNull(sourceCidrs, "sourceCidrs is null"));
        for (Cidr cidr : sourceCidrs) {
            if (!cidr.isIpv4()) {
                throw new InvalidParameterException("cidr_list", "load balancer rules are IPv4 only", cidr);
            }
        }
    }

    public static Builder builder(String uuid, IpAddress sourceIp, int sourcePort) {
        return new Builder(uuid, sourceIp, sourcePort);
    }

    /** The protocol haproxy must speak: {@link #lbProtocol()} when set, else {@link #protocol()}. */
    public LbProtocol effectiveProtocol() {
        return lbProtocol.orElse(protocol);
    }

    /** The destinations that get a {@code server} line, in order. */
    public List<LbDestinationTO> activeDestinations() {
        return destinations.stream().filter(destination -> !destination.revoked()).toList();
    }

    /** Collects a rule's optional parts; {@link #build()} validates through the record constructor. */
    public static final class Builder {
        private final String uuid;
        private final IpAddress sourceIp;
        private final int sourcePort;
        private LbProtocol protocol = LbProtocol.TCP;
        private Optional<LbProtocol> lbProtocol = Optional.empty();
        private LbAlgorithm algorithm = LbAlgorithm.ROUND_ROBIN;
        private boolean revoked;
        private boolean alreadyAdded;
        private final List<LbDestinationTO> destinations = new ArrayList<>();
        private Optional<LbStickinessPolicyTO> stickinessPolicy = Optional.empty();
        private Optional<LbHealthCheckPolicyTO> healthCheckPolicy = Optional.empty();
        private final List<Cidr> sourceCidrs = new ArrayList<>();

        private Builder(String uuid, IpAddress sourceIp, int sourcePort) {
            this.uuid = uuid;
            this.sourceIp = sourceIp;
            this.sourcePort = sourcePort;
        }

        /** The rule's protocol; default {@code tcp}. */
        public Builder protocol(LbProtocol value) {
            this.protocol = requireNonNull(value, "protocol is null");
            return this;
        }

        public Builder lbProtocol(LbProtocol value) {
            this.lbProtocol = Optional.of(value);
            return this;
        }

        /** Default {@code roundrobin}. */
        public Builder algorithm(LbAlgorithm value) {
            this.algorithm = requireNonNull(value, "algorithm is null");
            return this;
        }

        public Builder revoked(boolean value) {
            this.revoked = value;
            return this;
        }

        public Builder alreadyAdded(boolean value) {
            this.alreadyAdded = value;
            return this;
        }

        public Builder destination(LbDestinationTO value) {
            destinations.add(requireNonNull(value, "destination is null"));
            return this;
        }

        /** Adds an active, new destination. */
        public Builder destination(IpAddress ip, int port) {
            return destination(LbDestinationTO.of(ip, port));
        }

        public Builder stickinessPolicy(LbStickinessPolicyTO value) {
            this.stickinessPolicy = Optional.of(value);
            return this;
        }

        public Builder healthCheckPolicy(LbHealthCheckPolicyTO value) {
            this.healthCheckPolicy = Optional.of(value);
            return this;
        }

        public Builder sourceCidr(Cidr value) {
            sourceCidrs.add(requireNonNull(value, "sourceCidr is null"));
            return this;
        }

        public LoadBalancerTO build() {
            return new LoadBalancerTO(uuid, sourceIp, sourcePort, protocol, lbProtocol, algorithm, revoked, alreadyAdded, destinations,
                    stickinessPolicy, healthCheckPolicy, sourceCidrs);
        }
    }
}
