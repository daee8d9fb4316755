package org.vrouter.api.bootargs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;

/**
 * Builds a {@link BootArgs} line token by token, in call order, with a typed method for every key
 * of wire-format §9.2 and {@link #put} for any other. Calling a method twice appends the key twice
 * (the last one wins on the router), which is how CloudStack's repeated redundant group is built.
 * Each token is validated as it is added, so the error points at the call that supplied it.
 */
public final class BootArgsBuilder {
    private final List<BootArg> args = new ArrayList<>();

    BootArgsBuilder() {}

    /** Appends any {@code key=value}; known keys are still checked for their type. */
    public BootArgsBuilder put(String key, String value) {
        args.add(new BootArg(key, value));
        return this;
    }

    public BootArgsBuilder template(String value) {
        return put(BootArgKeys.TEMPLATE, value);
    }

    /** The router's host name, e.g. {@code r-12-VM}. */
    public BootArgsBuilder name(String value) {
        return put(BootArgKeys.NAME, value);
    }

    public BootArgsBuilder type(RouterType value) {
        return put(BootArgKeys.TYPE, value.wireName());
    }

    public BootArgsBuilder vmPassword(Secret value) {
        return put(BootArgKeys.VM_PASSWORD, value.reveal());
    }

    /** Base64 of the management server's SSH public key. */
    public BootArgsBuilder authorizedKey(String base64) {
        return put(BootArgKeys.AUTHORIZED_KEY, base64);
    }

    /** {@code eth<device>ip} and {@code eth<device>mask}. */
    public BootArgsBuilder nic(int device, IpAddress ip, Netmask mask) {
        put(BootArgKeys.ethIp(device), ip.value());
        return put(BootArgKeys.ethMask(device), mask.toString());
    }

    /** {@code eth<device>ip} and {@code eth<device>mask} from an interface address. */
    public BootArgsBuilder nic(int device, Cidr address) {
        return nic(device, address.address(), address.netmask());
    }

    /** {@code eth<device>ip6} and {@code eth<device>ip6prelen}. */
    public BootArgsBuilder nicIp6(int device, IpAddress ip6, int prefixLength) {
        put(BootArgKeys.ethIp6(device), ip6.value());
        return put(BootArgKeys.ethIp6PrefixLength(device), Integer.toString(prefixLength));
    }

    public BootArgsBuilder gateway(IpAddress value) {
        return put(BootArgKeys.GATEWAY, value.value());
    }

    public BootArgsBuilder ip6Gateway(IpAddress value) {
        return put(BootArgKeys.IP6_GATEWAY, value.value());
    }

    public BootArgsBuilder localGateway(IpAddress value) {
        return put(BootArgKeys.LOCAL_GATEWAY, value.value());
    }

    public BootArgsBuilder managementCidr(Cidr value) {
        return put(BootArgKeys.MANAGEMENT_CIDR, value.toString());
    }

    public BootArgsBuilder sshOnGuest(boolean value) {
        return put(BootArgKeys.SSH_ON_GUEST, Boolean.toString(value));
    }

    /** {@code redundant_router=1}, as CloudStack writes it. */
    public BootArgsBuilder redundantRouter() {
        return put(BootArgKeys.REDUNDANT_ROUTER, "1");
    }

    public BootArgsBuilder advertInterval(int seconds) {
        return put(BootArgKeys.ADVERT_INT, Integer.toString(seconds));
    }

    public BootArgsBuilder routerId(long value) {
        return put(BootArgKeys.ROUTER_ID, Long.toString(value));
    }

    public BootArgsBuilder routerPassword(Secret value) {
        return put(BootArgKeys.ROUTER_PASSWORD, value.reveal());
    }

    /** Writes {@code PRIMARY}, {@code BACKUP}...; never the pre-4.16 {@code MASTER}. */
    public BootArgsBuilder redundantState(RedundantState value) {
        return put(BootArgKeys.REDUNDANT_STATE, value.wireName());
    }

    public BootArgsBuilder privateMtu(int value) {
        return put(BootArgKeys.PRIVATE_MTU, Integer.toString(value));
    }

    public BootArgsBuilder publicMtu(int value) {
        return put(BootArgKeys.PUBLIC_MTU, Integer.toString(value));
    }

    public BootArgsBuilder ip6Firewall(boolean value) {
        return put(BootArgKeys.IP6_FIREWALL, Boolean.toString(value));
    }

    public BootArgsBuilder guestGateway(IpAddress value) {
        return put(BootArgKeys.GUEST_GATEWAY, value.value());
    }

    public BootArgsBuilder guestBroadcast(IpAddress value) {
        return put(BootArgKeys.GUEST_BROADCAST, value.value());
    }

    public BootArgsBuilder guestCidrSize(int value) {
        return put(BootArgKeys.GUEST_CIDR_SIZE, Integer.toString(value));
    }

    public BootArgsBuilder guestGateway6(IpAddress value) {
        return put(BootArgKeys.GUEST_GATEWAY6, value.value());
    }

    public BootArgsBuilder guestCidr6Size(int value) {
        return put(BootArgKeys.GUEST_CIDR6_SIZE, Integer.toString(value));
    }

    public BootArgsBuilder domain(String value) {
        return put(BootArgKeys.DOMAIN, value);
    }

    public BootArgsBuilder cidrSize(int value) {
        return put(BootArgKeys.CIDR_SIZE, Integer.toString(value));
    }

    /** The first address of the guest DHCP range. */
    public BootArgsBuilder dhcpRange(IpAddress value) {
        return put(BootArgKeys.DHCP_RANGE, value.value());
    }

    public BootArgsBuilder vpcCidr(Cidr value) {
        return put(BootArgKeys.VPC_CIDR, value.toString());
    }

    /** Older releases' VPC private gateway. */
    public BootArgsBuilder privateGateway(IpAddress value) {
        return put(BootArgKeys.PRIVATE_GATEWAY, value.value());
    }

    public BootArgsBuilder disableRpFilter(boolean value) {
        return put(BootArgKeys.DISABLE_RP_FILTER, Boolean.toString(value));
    }

    public BootArgsBuilder dnsSearchOrder(List<String> domains) {
        return put(BootArgKeys.DNS_SEARCH_ORDER, String.join(",", requireNonNull(domains, "domains is null")));
    }

    public BootArgsBuilder extraPublicNics(int value) {
        return put(BootArgKeys.EXTRA_PUBLIC_NICS, Integer.toString(value));
    }

    public BootArgsBuilder dns1(IpAddress value) {
        return put(BootArgKeys.DNS1, value.value());
    }

    public BootArgsBuilder dns2(IpAddress value) {
        return put(BootArgKeys.DNS2, value.value());
    }

    public BootArgsBuilder ip6Dns1(IpAddress value) {
        return put(BootArgKeys.IP6_DNS1, value.value());
    }

    public BootArgsBuilder ip6Dns2(IpAddress value) {
        return put(BootArgKeys.IP6_DNS2, value.value());
    }

    public BootArgsBuilder useExternalDns(boolean value) {
        return put(BootArgKeys.USE_EXTERNAL_DNS, Boolean.toString(value));
    }

    public BootArgsBuilder exposeDns(boolean value) {
        return put(BootArgKeys.EXPOSE_DNS, Boolean.toString(value));
    }

    /** {@code hourly}, {@code daily}, {@code monthly} or {@code HH:MM:SS} with {@code *} wildcards (CloudStack's default {@code *:00:00}). */
    public BootArgsBuilder logRotateFrequency(String value) {
        return put(BootArgKeys.LOG_ROTATE_FREQUENCY, value);
    }

    public BootArgsBuilder isRouted(boolean value) {
        return put(BootArgKeys.IS_ROUTED, Boolean.toString(value));
    }

    public BootArgsBuilder sourceNatIp(IpAddress value) {
        return put(BootArgKeys.SOURCE_NAT_IP, value.value());
    }

    /** The baremetal provisioning notification keys: credentials and the management server's address. */
    public BootArgsBuilder baremetalNotification(Secret securityKey, Secret apiKey, String host, int port) {
        put(BootArgKeys.BAREMETAL_SECURITY_KEY, securityKey.reveal());
        put(BootArgKeys.BAREMETAL_API_KEY, apiKey.reveal());
        put(BootArgKeys.HOST, host);
        return put(BootArgKeys.PORT, Integer.toString(port));
    }

    public BootArgs build() {
        return new BootArgs(args);
    }
}
