package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.databag.IpsBag;

/**
 * Maps the databags into the router's {@link Addressing}: a pure function, after CloudStack's
 * {@code CsAddress}/{@code CsRoute}/{@code CsRule} (router-side §4).
 *
 * <ul>
 *   <li>Every {@code ips} device is managed, with its role (the traffic type of its first entry), its
 *       addresses as host/prefix in bag order (the source-NAT address first, so it is the primary), up,
 *       and its MTU: the entries' {@code mtu}, else the {@code guestnetwork} entry's, else the boot
 *       arguments' {@code publicMtu} (public) or {@code privateMtu} (guest). On a redundant pair the
 *       VRRP guest gateway {@code guestgw} is left to keepalived (unmanaged).</li>
 *   <li>Main table: the default route via the boot arguments' {@code gateway}, else via the gateway of
 *       the first public device (the source-NAT one first); {@code mgmtcidr} via {@code localgw}.</li>
 *   <li>Per public device {@code ethN}: table {@code 100+N} with the default route via the device's
 *       gateway and a {@code throw} for every guest, control and own network, and the rules
 *       {@code fwmark 0x(100+N) lookup 100+N} (priority {@code 1000+10N}) and
 *       {@code from <network> lookup 100+N} per network of the device (priority {@code 1001+10N} on),
 *       so replies leave through the device a connection came in on (the firewall marks it).</li>
 * </ul>
 * IPv6 addresses and routes are not managed yet.
 */
public final class AddressingInputs {
    /** Table of public device N: 100 + N, as CloudStack's {@code Table_ethN}. */
    static final int TABLE_BASE = 100;
    static final int RULE_PRIORITY_BASE = 1000;
    private static final int RULES_PER_DEVICE = 10;
    private static final Cidr DEFAULT = Cidr.parse("default", "0.0.0.0/0");

    private AddressingInputs() {}

    /**
     * The addressing the databags describe.
     *
     * @throws InvalidParameterException naming the bag and field when the bags do not make a valid
     *     addressing (a bad boot argument, an MTU out of range, too many networks on one device)
     */
    public static Addressing from(Databags bags) {
        requireNonNull(bags, "bags is null");
        BootArgs args = bootArgs(bags);
        IpsBag ips = bags.ips();
        List<InterfaceAddresses> interfaces = new ArrayList<>();
        for (String device : ips.devices().keySet()) {
            interfaces.add(device(bags, args, device));
        }
        List<Route> routes = new ArrayList<>();
        List<PolicyRule> rules = new ArrayList<>();
        mainRoutes(ips, args).forEach(routes::add);
        for (String device : publicDevices(ips)) {
            publicTable(ips, device, routes, rules);
        }
        return new Addressing(interfaces, routes, rules);
    }

    private static BootArgs bootArgs(Databags bags) {
        try {
            return BootArgs.fromCmdLineMap(bags.cmdLine().config());
        }
        catch (InvalidParameterException e) {
            throw e.within("cmdline.");
        }
    }

    private static InterfaceAddresses device(Databags bags, BootArgs args, String device) {
        List<IpEntry> entries = bags.ips().entries(device);
        TrafficType role = entries.get(0).nwType();
        Set<IpAddress> unmanaged = new LinkedHashSet<>();
        if (role == TrafficType.GUEST && bags.cmdLine().isRedundant()) {
            args.guestGateway().ifPresent(unmanaged::add);
        }
        List<Cidr> addresses = entries.stream().map(IpEntry::cidr).filter(cidr -> !unmanaged.contains(cidr.address())).toList();
        OptionalInt mtu = mtu(bags, args, device, role);
        try {
            return new InterfaceAddresses(device, role, addresses, mtu, true, unmanaged);
        }
        catch (InvalidParameterException e) {
            throw e.within("ips.");
        }
    }

    private static OptionalInt mtu(Databags bags, BootArgs args, String device, TrafficType role) {
        Optional<Integer> mtu = bags.ips().entries(device).stream().flatMap(entry -> entry.mtu().stream()).findFirst()
                .or(() -> bags.guestNetwork().get(device).flatMap(GuestNetworkPayload::mtu))
                .or(() -> role == TrafficType.PUBLIC ? args.publicMtu() : role == TrafficType.GUEST ? args.privateMtu() : Optional.empty());
        return mtu.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static List<Route> mainRoutes(IpsBag ips, BootArgs args) {
        List<Route> routes = new ArrayList<>();
        Optional<IpAddress> gateway = args.gateway().or(() -> publicDevices(ips).stream().findFirst().flatMap(device -> gateway(ips, device)));
        gateway.ifPresent(via -> routes.add(Route.via(DEFAULT, via)));
        args.managementCidr().ifPresent(management -> args.localGateway()
                .ifPresent(via -> routes.add(Route.via(management.network(), via))));
        return routes;
    }

    private static void publicTable(IpsBag ips, String device, List<Route> routes, List<PolicyRule> rules) {
        int number = deviceNumber(device);
        int table = TABLE_BASE + number;
        gateway(ips, device).ifPresent(via -> routes.add(Route.via(DEFAULT, via).onDevice(device).inTable(table)));
        Set<Cidr> local = new LinkedHashSet<>();
        for (TrafficType type : List.of(TrafficType.GUEST, TrafficType.CONTROL)) {
            for (String other : ips.devicesOf(type)) {
                ips.entries(other).forEach(entry -> local.add(entry.network()));
            }
        }
        Set<Cidr> own = new LinkedHashSet<>();
        ips.entries(device).forEach(entry -> own.add(entry.network()));
        local.addAll(own);
        local.forEach(network -> routes.add(Route.of(RouteType.THROW, network).inTable(table)));
        int priority = RULE_PRIORITY_BASE + RULES_PER_DEVICE * number;
        rules.add(PolicyRule.forMark(priority, Fwmark.of(table), table));
        if (own.size() >= RULES_PER_DEVICE) {
            throw new InvalidParameterException("ips." + device, "more than " + (RULES_PER_DEVICE - 1) + " public networks on one device",
                    own.size());
        }
        for (Cidr network : own) {
            rules.add(PolicyRule.forSource(++priority, network, table));
        }
    }

    /** Public devices, the one holding a source-NAT address first, then by device number. */
    private static List<String> publicDevices(IpsBag ips) {
        List<String> devices = new ArrayList<>(ips.devicesOf(TrafficType.PUBLIC));
        devices.sort((a, b) -> {
            boolean natA = ips.entries(a).stream().anyMatch(IpEntry::sourceNat);
            boolean natB = ips.entries(b).stream().anyMatch(IpEntry::sourceNat);
            return natA != natB ? (natA ? -1 : 1) : Integer.compare(deviceNumber(a), deviceNumber(b));
        });
        return devices;
    }

    private static Optional<IpAddress> gateway(IpsBag ips, String device) {
        return ips.entries(device).stream().flatMap(entry -> entry.gateway().stream()).findFirst();
    }

    private static int deviceNumber(String device) {
        return Integer.parseInt(device.substring("eth".length()));
    }
}
