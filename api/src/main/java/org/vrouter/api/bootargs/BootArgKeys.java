package org.vrouter.api.bootargs;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boot-argument keys CloudStack's management server emits and its router understands
 * (wire-format §9.2), as constants, plus the per-NIC key names. Keys are case-sensitive.
 */
public final class BootArgKeys {
    public static final String TEMPLATE = "template";
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String VM_PASSWORD = "vmpassword";
    public static final String AUTHORIZED_KEY = "authorized_key";
    public static final String GATEWAY = "gateway";
    public static final String IP6_GATEWAY = "ip6gateway";
    public static final String LOCAL_GATEWAY = "localgw";
    public static final String MANAGEMENT_CIDR = "mgmtcidr";
    public static final String SSH_ON_GUEST = "sshonguest";
    public static final String REDUNDANT_ROUTER = "redundant_router";
    public static final String ADVERT_INT = "advert_int";
    public static final String ROUTER_ID = "router_id";
    public static final String ROUTER_PASSWORD = "router_password";
    public static final String REDUNDANT_STATE = "redundant_state";
    public static final String PRIVATE_MTU = "privateMtu";
    public static final String PUBLIC_MTU = "publicMtu";
    public static final String IP6_FIREWALL = "ip6firewall";
    public static final String GUEST_GATEWAY = "guestgw";
    public static final String GUEST_BROADCAST = "guestbrd";
    public static final String GUEST_CIDR_SIZE = "guestcidrsize";
    public static final String GUEST_GATEWAY6 = "guestgw6";
    public static final String GUEST_CIDR6_SIZE = "guestcidr6size";
    public static final String DOMAIN = "domain";
    public static final String CIDR_SIZE = "cidrsize";
    public static final String DHCP_RANGE = "dhcprange";
    public static final String VPC_CIDR = "vpccidr";
    public static final String PRIVATE_GATEWAY = "privategateway";
    public static final String DISABLE_RP_FILTER = "disable_rp_filter";
    public static final String DNS_SEARCH_ORDER = "dnssearchorder";
    public static final String EXTRA_PUBLIC_NICS = "extra_pubnics";
    public static final String DNS1 = "dns1";
    public static final String DNS2 = "dns2";
    public static final String IP6_DNS1 = "ip6dns1";
    public static final String IP6_DNS2 = "ip6dns2";
    public static final String USE_EXTERNAL_DNS = "useextdns";
    public static final String EXPOSE_DNS = "exposedns";
    public static final String LOG_ROTATE_FREQUENCY = "logrotatefrequency";
    public static final String IS_ROUTED = "is_routed";
    public static final String SOURCE_NAT_IP = "source_nat_ip";
    public static final String BAREMETAL_SECURITY_KEY = "baremetalnotificationsecuritykey";
    public static final String BAREMETAL_API_KEY = "baremetalnotificationapikey";
    public static final String HOST = "host";
    public static final String PORT = "port";
    // Understood by the router, emitted by other system VM types or hypervisor resources.
    public static final String BOOTPROTO = "bootproto";
    public static final String INTERNAL_DNS1 = "internaldns1";
    public static final String INTERNAL_DNS2 = "internaldns2";
    public static final String MTU = "mtu";
    public static final String STORAGE_IP = "storageip";
    public static final String STORAGE_NETMASK = "storagenetmask";
    public static final String STORAGE_CIDR = "storagecidr";
    public static final String NIC_MACS = "nic_macs";
    public static final String NTP_SERVER_LIST = "ntpserverlist";

    /** Keys whose value is a credential: masked in {@code toString()}, never shown in errors. */
    public static final Set<String> SECRET_KEYS = Set.of(VM_PASSWORD, ROUTER_PASSWORD, BAREMETAL_SECURITY_KEY, BAREMETAL_API_KEY);

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private BootArgKeys() {}

    /**
     * Whether {@code key} can be a boot-argument key: a letter, then at most 63 letters, digits or
     * {@code _} (the router splits the line on whitespace and {@code =}). False for null.
     */
    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** {@code eth<device>ip}: IPv4 address of NIC {@code device}. */
    public static String ethIp(int device) {
        return "eth" + device + "ip";
    }

    /** {@code eth<device>mask}: dotted IPv4 netmask of NIC {@code device}. */
    public static String ethMask(int device) {
        return "eth" + device + "mask";
    }

    /** {@code eth<device>ip6}: IPv6 address of NIC {@code device}. */
    public static String ethIp6(int device) {
        return "eth" + device + "ip6";
    }

    /** {@code eth<device>ip6prelen}: IPv6 prefix length of NIC {@code device}. */
    public static String ethIp6PrefixLength(int device) {
        return "eth" + device + "ip6prelen";
    }

    /** Whether the value of {@code key} is a credential ({@link #SECRET_KEYS}). */
    public static boolean isSecret(String key) {
        return SECRET_KEYS.contains(key);
    }
}
