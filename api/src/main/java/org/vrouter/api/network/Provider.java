package org.vrouter.api.network;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * Who implements a {@link Service} in a network: the virtual router, an external appliance, an SDN
 * controller. Each {@code NetworkElement} has exactly one provider. Mirrors CloudStack's
 * {@code Network.Provider}: an <em>open registry</em>, so a plugin registers its own provider by
 * constructing it; {@link #find(String)} looks one up by name ignoring case; two providers are
 * equal when their names are equal ignoring case.
 *
 * <p>Thread-safe. Registering a name that is already registered keeps the first instance as the
 * one {@link #find(String)} returns; the new instance is equal to it.
 */
public final class Provider {
    private static final NameRegistry<Provider> REGISTRY = new NameRegistry<>("provider");

    /** The virtual router of isolated and shared networks. Destroying its VMs is the cleanup, so no cleanup on shutdown. */
    public static final Provider VIRTUAL_ROUTER = new Provider("VirtualRouter", false, false);
    /** CloudStack {@code VPCVirtualRouter}: the router of a VPC. */
    public static final Provider VPC_VIRTUAL_ROUTER = new Provider("VpcVirtualRouter", false, false);
    public static final Provider INTERNAL_LB_VM = new Provider("InternalLbVm", false);
    public static final Provider CONFIG_DRIVE = new Provider("ConfigDrive", false);
    public static final Provider SECURITY_GROUP_PROVIDER = new Provider("SecurityGroupProvider", false);
    public static final Provider NONE = new Provider("None", false);
    public static final Provider JUNIPER_SRX = new Provider("JuniperSRX", true);
    public static final Provider PALO_ALTO = new Provider("PaloAlto", true);
    public static final Provider F5_BIG_IP = new Provider("F5BigIp", true);
    public static final Provider NETSCALER = new Provider("Netscaler", true);
    public static final Provider EXTERNAL_DHCP_SERVER = new Provider("ExternalDhcpServer", true);
    /** Spelled as CloudStack spells it ({@code GateWay}). */
    public static final Provider EXTERNAL_GATEWAY = new Provider("ExternalGateWay", true);
    public static final Provider CISCO_VNMC = new Provider("CiscoVnmc", true);
    public static final Provider GLOBO_DNS = new Provider("GloboDns", true);
    public static final Provider NICIRA_NVP = new Provider("NiciraNvp", false);
    public static final Provider OVS = new Provider("Ovs", false);
    public static final Provider OPENDAYLIGHT = new Provider("Opendaylight", false);
    public static final Provider BROCADE_VCS = new Provider("BrocadeVcs", false);
    public static final Provider BIG_SWITCH_BCF = new Provider("BigSwitchBcf", false);
    public static final Provider TUNGSTEN = new Provider("Tungsten", false);
    public static final Provider NSX = new Provider("Nsx", false);
    public static final Provider NETRIS = new Provider("Netris", false);

    private final String name;
    private final boolean external;
    private final boolean needCleanupOnShutdown;

    /** Creates and registers a provider that needs cleanup on shutdown. */
    public Provider(String name, boolean external) {
        this(name, external, true);
    }

    /**
     * Creates and registers a provider.
     *
     * @param name the wire name: letters, digits and {@code _ . -}, case kept as given
     * @param external whether the provider is an external appliance
     * @param needCleanupOnShutdown whether shutting a network down must clean up the provider's state
     */
    public Provider(String name, boolean external, boolean needCleanupOnShutdown) {
        this.name = FieldChecks.requireIdentifier("provider", name);
        this.external = external;
        this.needCleanupOnShutdown = needCleanupOnShutdown;
        REGISTRY.register(name, this);
    }

    /** The registered provider with this name, ignoring case (CloudStack's {@code getProvider}). */
    public static Optional<Provider> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * The registered provider with this name, ignoring case.
     *
     * @throws InvalidParameterException naming {@code field} when no provider has that name; the
     *     message lists the known providers
     */
    public static Provider require(String field, String name) {
        return REGISTRY.require(field, name);
    }

    /** Every registered provider, in registration order. */
    public static List<Provider> all() {
        return REGISTRY.all();
    }

    /** The wire name. */
    public String name() {
        return name;
    }

    public boolean isExternal() {
        return external;
    }

    public boolean needCleanupOnShutdown() {
        return needCleanupOnShutdown;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Provider provider && provider.name.equalsIgnoreCase(name);
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
