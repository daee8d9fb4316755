package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.vrouter.router.route.NextHopRoute;
import org.vrouter.router.route.StaticRouteInputs;
import org.vrouter.router.route.StaticRoutes;

/**
 * Maps the databags into the router's {@link Addressing}: a pure function, after CloudStack's
 * {@code CsAddress}/{@code CsRoute}/{@code CsRule} (router-side §4).
 *
 * <ul>
 *   <li>Every {@code ips} device is managed, with its role (the traffic type of its first entry), its
 *       addresses as host/prefix in bag order (the source-NAT address first, so it is the primary), up,
 *       and its MTU: the entries' {@code mtu}, else the {@code guestnetwork} entry's, else the boot
 *       arguments' {@code publicMtu} (public) or {@code privateMtu} (guest). On a redundant pair the
 *       VRRP guest gateway {@code guestgw} (and a VPC tier's {@code router_guest_gateway}) is left to keepalived
 *       (unmanaged), and the public devices are up only while the router is PRIMARY ({@code redundant_state},
 *       which the VRRP transitions of {@code router.redundancy} record): both members share the public MAC
 *       and addresses, so a BACKUP keeps its public links down and has no route through them.</li>
 *   <li>Main table: the default route via the boot arguments' {@code gateway}, else via the gateway of
 *       the first public device (the source-NAT one first) that is not a VPC private gateway;
 *       {@code mgmtcidr} via {@code localgw}.</li>
 *   <li>Per public device {@code ethN}: table {@code 100+N} with the default route via the device's
 *       gateway and a {@code throw} for every guest, control and own network, and the rules
 *       {@code fwmark 0x(100+N) lookup 100+N} (priority {@code 1000+10N}) and
 *       {@code from <network> lookup 100+N} per network of the device (priority {@code 1001+10N} on),
 *       so replies leave through the device a connection came in on (the firewall marks it).</li>
 *   <li>Static routes (VPC, {@code staticroutes}): {@code <network> via <gateway>} in the main table, for
 *       each entry {@link StaticRouteInputs} keeps (next hop on a connected network); one that would
 *       replace a route above (the default route) is left out too, with a warning.</li>
 * </ul>
 * The addressing is exclusive: a router NIC ({@code eth<N>}) with no {@code ips} entry left (a removed
 * tier, a released public VLAN) loses its addresses, as CloudStack's {@code CsAddress.compare} does.
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
     * The addressing and the databag entries left out of it.
     *
     * @param warnings one line per entry left out (a static route whose next hop is not on a connected network)
     */
    public record Mapped(Addressing addressing, List<String> warnings) {
        public Mapped {
            requireNonNull(addressing, "addressing is null");
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    /**
     * The addressing the databags describe.
     *
     * @throws InvalidParameterException naming the bag and field when the bags do not make a valid
     *     addressing (a bad boot argument, an MTU out of range, too many networks on one device)
     */
    public static Addressing from(Databags bags) {
        return map(bags).addressing();
    }

    /**
     * The addressing the databags describe, with the entries left out.
     *
     * @throws InvalidParameterException as {@link #from}
     */
    public static Mapped map(Databags bags) {
        requireNonNull(bags, "bags is null");
        BootArgs args = bootArgs(bags);
        IpsBag ips = bags.ips();
        List<InterfaceAddresses> interfaces = new ArrayList<>();
        boolean standby = isStandby(bags);
        for (String device : ips.devices().keySet()) {
            interfaces.add(device(bags, args, device, standby));
        }
        List<Route> routes = new ArrayList<>();
        List<PolicyRule> rules = new ArrayList<>();
        mainRoutes(ips, args).stream().filter(route -> !standby || !viaPublicDevice(ips, route)).forEach(routes::add);
        for (String device : publicDevices(ips)) {
            publicTable(ips, device, routes, rules, standby);
        }
        List<String> warnings = staticRoutes(bags, routes);
        return new Mapped(new Addressing(interfaces, routes, rules, true), warnings);
    }

    private static List<String> staticRoutes(Databags bags, List<Route> routes) {
        StaticRoutes wanted = StaticRouteInputs.from(bags);
        List<String> warnings = new ArrayList<>(wanted.warnings());
        Set<RouteKey> taken = new HashSet<>();
        routes.forEach(route -> taken.add(route.key()));
        for (NextHopRoute wantedRoute : wanted.routes()) {
            Route route = Route.via(wantedRoute.destination(), wantedRoute.nextHop());
            if (taken.add(route.key())) {
                routes.add(route);
            }
            else {
                warnings.add("staticroutes[" + wantedRoute.destination() + "]: the router's own route to " + wantedRoute.destination()
                        + " takes precedence; route skipped");
            }
        }
        return warnings;
    }

    private static BootArgs bootArgs(Databags bags) {
        try {
            return BootArgs.fromCmdLineMap(bags.cmdLine().config());
        }
        catch (InvalidParameterException e) {
            throw e.within("cmdline.");
        }
    }

    /**
     * Whether this router is a redundant member that is not PRIMARY: only a recorded {@code redundant_state} of
     * PRIMARY (or {@code MASTER}) brings the public links up.
     */
    static boolean isStandby(Databags bags) {
        if (!bags.cmdLine().isRedundant()) {
            return false;
        }
        String state = bags.cmdLine().get("redundant_state").orElse("").toUpperCase(Locale.ROOT);
        return !state.equals("PRIMARY") && !state.equals("MASTER");
    }

    /** Whether the route's next hop lies on a public device's network (a BACKUP keeps those links down). */
    private static boolean viaPublicDevice(IpsBag ips, Route route) {
        return route.gateway().filter(via -> ips.devicesOf(TrafficType.PUBLIC).stream()
                .anyMatch(device -> ips.entries(device).stream().anyMatch(entry -> entry.network().contains(via)))).isPresent();
    }

    private static InterfaceAddresses device(Databags bags, BootArgs args, String device, boolean standby) {
        List<IpEntry> entries = bags.ips().entries(device);
        TrafficType role = entries.get(0).nwType();
        Set<IpAddress> unmanaged = new LinkedHashSet<>();
        if (role == TrafficType.GUEST && bags.cmdLine().isRedundant()) {
            args.guestGateway().ifPresent(unmanaged::add);
            bags.guestNetwork().get(device).map(GuestNetworkPayload::routerGuestGateway)
                    .filter(gateway -> entries.stream().noneMatch(entry -> entry.publicIp().equals(gateway)))
                    .ifPresent(unmanaged::add);
        }
        List<Cidr> addresses = entries.stream().map(IpEntry::cidr).filter(cidr -> !unmanaged.contains(cidr.address())).toList();
        OptionalInt mtu = mtu(bags, args, device, role);
        try {
            return new InterfaceAddresses(device, role, addresses, mtu, role != TrafficType.PUBLIC || !standby, unmanaged);
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
        Optional<IpAddress> gateway = args.gateway().or(() -> publicDevices(ips).stream().filter(device -> !isPrivateGateway(ips, device))
                .findFirst().flatMap(device -> gateway(ips, device)));
        gateway.ifPresent(via -> routes.add(Route.via(DEFAULT, via)));
        args.managementCidr().ifPresent(management -> args.localGateway()
                .ifPresent(via -> routes.add(Route.via(management.network(), via))));
        return routes;
    }

    private static void publicTable(IpsBag ips, String device, List<Route> routes, List<PolicyRule> rules, boolean standby) {
        int number = deviceNumber(device);
        int table = TABLE_BASE + number;
        if (!standby) {
            gateway(ips, device).ifPresent(via -> routes.add(Route.via(DEFAULT, via).onDevice(device).inTable(table)));
        }
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

    /** A VPC private gateway's device: its routes are the static routes', never the default one. */
    private static boolean isPrivateGateway(IpsBag ips, String device) {
        return ips.entries(device).stream().anyMatch(IpEntry::isPrivateGateway);
    }

    private static Optional<IpAddress> gateway(IpsBag ips, String device) {
        return ips.entries(device).stream().flatMap(entry -> entry.gateway().stream()).findFirst();
    }

    private static int deviceNumber(String device) {
        return Integer.parseInt(device.substring("eth".length()));
    }
}
