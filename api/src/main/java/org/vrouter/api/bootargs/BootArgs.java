package org.vrouter.api.bootargs;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;

/**
 * CloudStack's boot-argument line for a virtual router ({@code " template=domP name=r-12-VM ..."},
 * wire-format §9): the ordered list of {@code key=value} tokens the management server builds and
 * the router turns into {@code cmd_line.json}. Built by the guru with {@link BootArgsBuilder}, read
 * by the hypervisor resources (which deliver {@link #render()} or {@link #renderPvArgs()}) and by
 * the router side ({@link #parse}, {@link #toCmdLineMap()}).
 *
 * <p>Contract, as on the wire: tokens are separated by whitespace; rendering starts with a space
 * and keeps insertion order; a key may repeat (CloudStack emits the redundant group twice) and the
 * <em>last</em> occurrence wins, so the list keeps every occurrence while the typed accessors read
 * the last. Keys the router understands but this class has no accessor for are kept as they are.
 * Every value is one token of a safe character set (see {@link BootArg}); known keys are checked
 * for their type, so {@code eth0ip=10.1.1.300} or {@code type=secstorage} cannot exist.
 *
 * <p>One difference from CloudStack's router: its shell reads a value with {@code cut -d= -f2},
 * which drops everything after a second {@code =} (base64 padding of {@code authorized_key}); here
 * the value is everything after the first {@code =}.
 *
 * <p>{@code toString()} masks secret values; {@link #render()} writes them and is for the carrier.
 */
public record BootArgs(List<BootArg> args) {
    private static final BootArgs EMPTY = new BootArgs(List.of());

    public BootArgs {
        args = List.copyOf(requireNonNull(args, "args is null"));
    }

    /** No arguments (a guest VM's profile). */
    public static BootArgs empty() {
        return EMPTY;
    }

    public static BootArgsBuilder builder() {
        return new BootArgsBuilder();
    }

    /**
     * Parses a boot-argument line: tokens split on any whitespace (runs, tabs, a trailing newline),
     * each {@code key=value} (value may be empty, and may contain {@code =}).
     *
     * @throws InvalidParameterException naming the key when a token is not {@code key=value} or a
     *     value is invalid for its key
     */
    public static BootArgs parse(String line) {
        requireNonNull(line, "line is null");
        List<BootArg> args = new ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            if (equals <= 0) {
                throw new InvalidParameterException("boot arguments", "token is not key=value", token);
            }
            args.add(new BootArg(token.substring(0, equals), token.substring(equals + 1)));
        }
        return new BootArgs(args);
    }

    /** Parses XenServer's PV-args form, where every space is written as {@code %}. */
    public static BootArgs parsePvArgs(String pvArgs) {
        return parse(requireNonNull(pvArgs, "pvArgs is null").replace('%', ' '));
    }

    /** Builds the line from a {@code cmd_line} map (one occurrence per key), in the map's order. */
    public static BootArgs fromCmdLineMap(Map<String, String> cmdLine) {
        List<BootArg> args = new ArrayList<>();
        requireNonNull(cmdLine, "cmdLine is null").forEach((key, value) -> args.add(new BootArg(key, value)));
        return new BootArgs(args);
    }

    /**
     * The line as CloudStack builds it: a leading space, then {@code key=value} tokens separated by
     * one space (CloudStack sometimes leaves two, after {@code type=}; the router does not care).
     */
    public String render() {
        StringBuilder line = new StringBuilder();
        args.forEach(arg -> line.append(' ').append(arg.token()));
        return line.toString();
    }

    /** XenServer's PV-args form: {@link #render()} with every space written as {@code %}. */
    public String renderPvArgs() {
        return render().replace(' ', '%');
    }

    /**
     * The {@code cmd_line} member of {@code cmd_line.json}: every key once, with its last value, at
     * the position of its first occurrence (as the router's JSON load does with repeated keys).
     */
    public Map<String, String> toCmdLineMap() {
        Map<String, String> map = new LinkedHashMap<>();
        args.forEach(arg -> map.put(arg.key(), arg.value()));
        return Collections.unmodifiableMap(map);
    }

    /** The last value of {@code key}, the one the router uses. */
    public Optional<String> get(String key) {
        for (int i = args.size() - 1; i >= 0; i--) {
            if (args.get(i).key().equals(key)) {
                return Optional.of(args.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** Every value of {@code key}, in order. */
    public List<String> getAll(String key) {
        return args.stream().filter(arg -> arg.key().equals(key)).map(BootArg::value).toList();
    }

    public boolean isEmpty() {
        return args.isEmpty();
    }

    public boolean contains(String key) {
        return get(key).isPresent();
    }

    /** A copy with {@code key=value} appended (it wins over earlier occurrences). */
    public BootArgs with(String key, String value) {
        List<BootArg> copy = new ArrayList<>(args);
        copy.add(new BootArg(key, value));
        return new BootArgs(copy);
    }

    public Optional<String> template() {
        return get(BootArgKeys.TEMPLATE);
    }

    public Optional<String> name() {
        return get(BootArgKeys.NAME);
    }

    public Optional<RouterType> type() {
        return typed(BootArgKeys.TYPE, value -> RouterType.fromWireName(BootArgKeys.TYPE, value));
    }

    public Optional<Secret> vmPassword() {
        return typed(BootArgKeys.VM_PASSWORD, Secret::of);
    }

    /** Base64 of the management server's SSH public key. */
    public Optional<String> authorizedKey() {
        return get(BootArgKeys.AUTHORIZED_KEY);
    }

    public Optional<IpAddress> ethIp(int device) {
        return ip(BootArgKeys.ethIp(device));
    }

    public Optional<Netmask> ethMask(int device) {
        return typed(BootArgKeys.ethMask(device), Netmask::parse);
    }

    public Optional<IpAddress> ethIp6(int device) {
        return ip(BootArgKeys.ethIp6(device));
    }

    public Optional<Integer> ethIp6PrefixLength(int device) {
        return integer(BootArgKeys.ethIp6PrefixLength(device));
    }

    /** NIC {@code device}'s IPv4 address with its netmask, when both are present. */
    public Optional<Cidr> ethCidr(int device) {
        return ethIp(device).flatMap(ip -> ethMask(device).map(mask -> Cidr.of(ip, mask)));
    }

    public Optional<IpAddress> gateway() {
        return ip(BootArgKeys.GATEWAY);
    }

    public Optional<IpAddress> ip6Gateway() {
        return ip(BootArgKeys.IP6_GATEWAY);
    }

    public Optional<IpAddress> localGateway() {
        return ip(BootArgKeys.LOCAL_GATEWAY);
    }

    public Optional<Cidr> managementCidr() {
        return typed(BootArgKeys.MANAGEMENT_CIDR, Cidr::parse);
    }

    public Optional<Boolean> sshOnGuest() {
        return typed(BootArgKeys.SSH_ON_GUEST, BootArgRules::isTrue);
    }

    /** Whether the router is a member of a redundant pair: the router treats any value as yes. */
    public boolean redundantRouter() {
        return contains(BootArgKeys.REDUNDANT_ROUTER);
    }

    /** VRRP's advertisement interval in seconds: whole (CloudStack) or down to 0.05 (vrouter's VRRPv3 routers). */
    public Optional<BigDecimal> advertInterval() {
        return typed(BootArgKeys.ADVERT_INT, BigDecimal::new);
    }

    public Optional<Long> routerId() {
        return typed(BootArgKeys.ROUTER_ID, Long::valueOf);
    }

    public Optional<Secret> routerPassword() {
        return typed(BootArgKeys.ROUTER_PASSWORD, Secret::of);
    }

    /** The initial VRRP role; {@code MASTER} (before 4.16) reads as {@link RedundantState#PRIMARY}. */
    public Optional<RedundantState> redundantState() {
        return typed(BootArgKeys.REDUNDANT_STATE, value -> RedundantState.fromWireName(BootArgKeys.REDUNDANT_STATE, value));
    }

    public Optional<Integer> privateMtu() {
        return integer(BootArgKeys.PRIVATE_MTU);
    }

    public Optional<Integer> publicMtu() {
        return integer(BootArgKeys.PUBLIC_MTU);
    }

    public boolean ip6Firewall() {
        return flag(BootArgKeys.IP6_FIREWALL);
    }

    /** The guest gateway of a redundant pair (the VRRP virtual address). */
    public Optional<IpAddress> guestGateway() {
        return ip(BootArgKeys.GUEST_GATEWAY);
    }

    public Optional<IpAddress> guestBroadcast() {
        return ip(BootArgKeys.GUEST_BROADCAST);
    }

    public Optional<Integer> guestCidrSize() {
        return integer(BootArgKeys.GUEST_CIDR_SIZE);
    }

    public Optional<IpAddress> guestGateway6() {
        return ip(BootArgKeys.GUEST_GATEWAY6);
    }

    public Optional<Integer> guestCidr6Size() {
        return integer(BootArgKeys.GUEST_CIDR6_SIZE);
    }

    public Optional<String> domain() {
        return get(BootArgKeys.DOMAIN);
    }

    public Optional<Integer> cidrSize() {
        return integer(BootArgKeys.CIDR_SIZE);
    }

    /** The first address of the guest DHCP range. */
    public Optional<IpAddress> dhcpRange() {
        return ip(BootArgKeys.DHCP_RANGE);
    }

    public Optional<Cidr> vpcCidr() {
        return typed(BootArgKeys.VPC_CIDR, Cidr::parse);
    }

    /** The VPC private gateway of older releases; {@code None} reads as empty. */
    public Optional<IpAddress> privateGateway() {
        return get(BootArgKeys.PRIVATE_GATEWAY).filter(value -> !value.equals("None")).map(IpAddress::parse);
    }

    public boolean disableRpFilter() {
        return flag(BootArgKeys.DISABLE_RP_FILTER);
    }

    public List<String> dnsSearchOrder() {
        return get(BootArgKeys.DNS_SEARCH_ORDER).map(value -> List.of(value.split(","))).orElse(List.of());
    }

    public Optional<Integer> extraPublicNics() {
        return integer(BootArgKeys.EXTRA_PUBLIC_NICS);
    }

    public Optional<IpAddress> dns1() {
        return ip(BootArgKeys.DNS1);
    }

    public Optional<IpAddress> dns2() {
        return ip(BootArgKeys.DNS2);
    }

    public Optional<IpAddress> ip6Dns1() {
        return ip(BootArgKeys.IP6_DNS1);
    }

    public Optional<IpAddress> ip6Dns2() {
        return ip(BootArgKeys.IP6_DNS2);
    }

    public boolean useExternalDns() {
        return flag(BootArgKeys.USE_EXTERNAL_DNS);
    }

    public boolean exposeDns() {
        return flag(BootArgKeys.EXPOSE_DNS);
    }

    /** {@code hourly}, {@code daily}, {@code monthly} or {@code HH:MM:SS} with {@code *} wildcards. */
    public Optional<String> logRotateFrequency() {
        return get(BootArgKeys.LOG_ROTATE_FREQUENCY);
    }

    public boolean isRouted() {
        return flag(BootArgKeys.IS_ROUTED);
    }

    public Optional<IpAddress> sourceNatIp() {
        return ip(BootArgKeys.SOURCE_NAT_IP);
    }

    /** The line with secret values masked. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        args.forEach(arg -> line.append(' ').append(arg));
        return line.toString();
    }

    private <T> Optional<T> typed(String key, Function<String, T> parser) {
        return get(key).map(parser);
    }

    private Optional<IpAddress> ip(String key) {
        return typed(key, IpAddress::parse);
    }

    private Optional<Integer> integer(String key) {
        return typed(key, Integer::valueOf);
    }

    private boolean flag(String key) {
        return get(key).map(BootArgRules::isTrue).orElse(false);
    }
}
