package org.vrouter.commands;

/**
 * The ids CloudStack gives commands inside a {@code Commands} batch (management-side §8.2, §11.2),
 * so a batch built here can be read the way CloudStack's is ({@code answers.get("getDomRVersion")}).
 * Commands without an id in CloudStack (the rule commands) take one of the caller's choosing.
 */
public final class CommandIds {
    public static final String CHECK_SSH = "checkSsh";
    public static final String GET_DOMR_VERSION = "getDomRVersion";
    public static final String IP_ASSOC = "IPAssocCommand";
    public static final String IP_ASSOC_VPC = "IPAssocVpcCommand";
    public static final String SET_SOURCE_NAT = "SetSourceNatCommand";
    public static final String SETUP_GUEST_NETWORK = "setupguestnetwork";
    public static final String DHCP = "dhcp";
    public static final String VM_DATA = "vmdata";
    public static final String PASSWORD = "password";
    public static final String VPN_USERS = "users";
    public static final String START_VPN = "startVpn";
    public static final String SITE_TO_SITE_VPN = "applyS2SVpn";
    public static final String MONITOR = "monitor";
    public static final String NETWORK_USAGE = "networkUsage";
    public static final String IP_ALIAS = "ipalias";
    public static final String DELETE_IP_ALIAS = "deleteIpalias";
    public static final String DNSMASQ_CONFIG = "dnsMasqConfig";
    /** vrouter's id for a NIC hot-plug inside a batch (CloudStack sends {@code PlugNicCommand} on its own). */
    public static final String PLUG_NIC = "plugNic";

    private CommandIds() {}
}
