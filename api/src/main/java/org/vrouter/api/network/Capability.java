package org.vrouter.api.network;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A capability a {@link Service} may declare, such as the load-balancing algorithms a provider
 * supports. Mirrors CloudStack's {@code Network.Capability}: an <em>open registry</em>, not an
 * enum. Constructing a capability registers it; {@link #find(String)} looks one up by name ignoring
 * case; two capabilities are equal when their names are equal ignoring case.
 *
 * <p>The constants carry CloudStack's wire names, which differ from the constant names in two
 * places: {@link #SUPPORTED_LB_ALGORITHMS} is {@code SupportedLbAlgorithms} and
 * {@link #SUPPORTED_VPN_PROTOCOLS} is {@code SupportedVpnTypes}.
 *
 * <p>Thread-safe. Registering a name that is already registered keeps the first instance as the
 * one {@link #find(String)} returns; the new instance is equal to it.
 */
public final class Capability {
    private static final NameRegistry<Capability> REGISTRY = new NameRegistry<>("capability");

    public static final Capability SUPPORTED_PROTOCOLS = new Capability("SupportedProtocols");
    /** CloudStack {@code SupportedLBAlgorithms}; wire name {@code SupportedLbAlgorithms}. */
    public static final Capability SUPPORTED_LB_ALGORITHMS = new Capability("SupportedLbAlgorithms");
    public static final Capability SUPPORTED_LB_ISOLATION = new Capability("SupportedLBIsolation");
    public static final Capability SUPPORTED_STICKINESS_METHODS = new Capability("SupportedStickinessMethods");
    public static final Capability MULTIPLE_IPS = new Capability("MultipleIps");
    public static final Capability SUPPORTED_SOURCE_NAT_TYPES = new Capability("SupportedSourceNatTypes");
    /** CloudStack {@code SupportedVpnProtocols}; wire name {@code SupportedVpnTypes}. */
    public static final Capability SUPPORTED_VPN_PROTOCOLS = new Capability("SupportedVpnTypes");
    public static final Capability VPN_TYPES = new Capability("VpnTypes");
    public static final Capability TRAFFIC_STATISTICS = new Capability("TrafficStatistics");
    public static final Capability LOAD_BALANCING_SUPPORTED_IPS = new Capability("LoadBalancingSupportedIps");
    public static final Capability ALLOW_DNS_SUFFIX_MODIFICATION = new Capability("AllowDnsSuffixModification");
    public static final Capability REDUNDANT_ROUTER = new Capability("RedundantRouter");
    public static final Capability ELASTIC_IP = new Capability("ElasticIp");
    public static final Capability ASSOCIATE_PUBLIC_IP = new Capability("AssociatePublicIP");
    public static final Capability ELASTIC_LB = new Capability("ElasticLb");
    public static final Capability AUTO_SCALE_COUNTERS = new Capability("AutoScaleCounters");
    public static final Capability INLINE_MODE = new Capability("InlineMode");
    public static final Capability SUPPORTED_TRAFFIC_DIRECTION = new Capability("SupportedTrafficDirection");
    public static final Capability SUPPORTED_EGRESS_PROTOCOLS = new Capability("SupportedEgressProtocols");
    public static final Capability HEALTH_CHECK_POLICY = new Capability("HealthCheckPolicy");
    public static final Capability SSL_TERMINATION = new Capability("SslTermination");
    public static final Capability LB_SCHEMES = new Capability("LbSchemes");
    /** Spelled as CloudStack spells it on the wire ({@code Accross}). */
    public static final Capability DHCP_ACROSS_MULTIPLE_SUBNETS = new Capability("DhcpAccrossMultipleSubnets");
    public static final Capability DISTRIBUTED_ROUTER = new Capability("DistributedRouter");
    public static final Capability STRETCHED_L2_SUBNET = new Capability("StretchedL2Subnet");
    public static final Capability REGION_LEVEL_VPC = new Capability("RegionLevelVpc");
    public static final Capability NO_VLAN = new Capability("NoVlan");
    public static final Capability PUBLIC_ACCESS = new Capability("PublicAccess");
    public static final Capability EXTRA_DHCP_OPTIONS = new Capability("ExtraDhcpOptions");
    public static final Capability VM_AUTO_SCALING = new Capability("VmAutoScaling");

    private final String name;

    /**
     * Creates and registers a capability.
     *
     * @param name the wire name: letters, digits and {@code _ . -}, case kept as given
     */
    public Capability(String name) {
        this.name = FieldChecks.requireIdentifier("capability", name);
        REGISTRY.register(name, this);
    }

    /** The registered capability with this name, ignoring case (CloudStack's {@code getCapability}). */
    public static Optional<Capability> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * The registered capability with this name, ignoring case.
     *
     * @throws InvalidParameterException naming {@code field} when no capability has that name
     */
    public static Capability require(String field, String name) {
        return REGISTRY.require(field, name);
    }

    /** Every registered capability, in registration order. */
    public static List<Capability> all() {
        return REGISTRY.all();
    }

    /** The wire name. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Capability capability && capability.name.equalsIgnoreCase(name);
    }

    @Override
    public int hashCode() {
        return WireNames.key(name).hashCode();
    }

    /** The wire name, so lists print as CloudStack's values do. */
    @Override
    public String toString() {
        return name;
    }
}
