package org.vrouter.api.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A network service (DHCP, firewall, load balancing...) that a network offering maps to a
 * {@link Provider}. Mirrors CloudStack's {@code Network.Service}: an <em>open registry</em>, not an
 * enum, so plugins can add services. Constructing a service registers it; {@link #find(String)}
 * looks one up by name ignoring case; two services are equal when their names are equal ignoring
 * case.
 *
 * <p>Constant names follow Java convention; their wire names are CloudStack's ({@link #LB} is
 * {@code Lb}, {@link #NETWORK_ACL} is {@code NetworkACL}). Each constant declares the capabilities
 * CloudStack lets it carry.
 *
 * <p>Thread-safe. Registering a name that is already registered keeps the first instance as the
 * one {@link #find(String)} returns; the new instance is equal to it.
 */
public final class Service {
    private static final NameRegistry<Service> REGISTRY = new NameRegistry<>("service");

    public static final Service VPN = new Service("Vpn", Capability.SUPPORTED_VPN_PROTOCOLS, Capability.VPN_TYPES);
    public static final Service DHCP = new Service("Dhcp", Capability.EXTRA_DHCP_OPTIONS);
    public static final Service DNS = new Service("Dns", Capability.ALLOW_DNS_SUFFIX_MODIFICATION);
    public static final Service GATEWAY = new Service("Gateway", Capability.REDUNDANT_ROUTER);
    public static final Service FIREWALL = new Service("Firewall", Capability.SUPPORTED_PROTOCOLS, Capability.MULTIPLE_IPS,
            Capability.TRAFFIC_STATISTICS, Capability.SUPPORTED_TRAFFIC_DIRECTION, Capability.SUPPORTED_EGRESS_PROTOCOLS);
    public static final Service LB = new Service("Lb", Capability.SUPPORTED_LB_ALGORITHMS, Capability.SUPPORTED_LB_ISOLATION,
            Capability.SUPPORTED_PROTOCOLS, Capability.TRAFFIC_STATISTICS, Capability.LOAD_BALANCING_SUPPORTED_IPS,
            Capability.SUPPORTED_STICKINESS_METHODS, Capability.ELASTIC_LB, Capability.LB_SCHEMES);
    public static final Service USER_DATA = new Service("UserData");
    public static final Service SOURCE_NAT = new Service("SourceNat", Capability.SUPPORTED_SOURCE_NAT_TYPES, Capability.REDUNDANT_ROUTER);
    public static final Service STATIC_NAT = new Service("StaticNat", Capability.ELASTIC_IP);
    public static final Service PORT_FORWARDING = new Service("PortForwarding");
    public static final Service SECURITY_GROUP = new Service("SecurityGroup");
    public static final Service NETWORK_ACL = new Service("NetworkACL", Capability.SUPPORTED_PROTOCOLS);
    public static final Service CONNECTIVITY = new Service("Connectivity", Capability.DISTRIBUTED_ROUTER, Capability.REGION_LEVEL_VPC,
            Capability.STRETCHED_L2_SUBNET, Capability.NO_VLAN, Capability.PUBLIC_ACCESS);

    private final String name;
    private final Set<Capability> capabilities;

    /**
     * Creates and registers a service.
     *
     * @param name the wire name: letters, digits and {@code _ . -}, case kept as given
     * @param capabilities the capabilities the service may declare
     */
    public Service(String name, Capability... capabilities) {
        this.name = FieldChecks.requireIdentifier("service", name);
        this.capabilities = Set.copyOf(List.of(capabilities));
        REGISTRY.register(name, this);
    }

    /** The registered service with this name, ignoring case (CloudStack's {@code getService}). */
    public static Optional<Service> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * The registered service with this name, ignoring case.
     *
     * @throws InvalidParameterException naming {@code field} when no service has that name; the
     *     message lists the known services
     */
    public static Service require(String field, String name) {
        return REGISTRY.require(field, name);
    }

    /** Every registered service, in registration order. */
    public static List<Service> all() {
        return REGISTRY.all();
    }

    /** The wire name. */
    public String name() {
        return name;
    }

    /** The capabilities this service may declare. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Whether this service may declare {@code capability} (names compared ignoring case). */
    public boolean containsCapability(Capability capability) {
        return capabilities.contains(capability);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Service service && service.name.equalsIgnoreCase(name);
    }

    @Override
    public int hashCode() {
        return WireNames.key(name).hashCode();
    }

    /** The wire name. */
    @Override
    public String toString() {
        return name;
    }
}
