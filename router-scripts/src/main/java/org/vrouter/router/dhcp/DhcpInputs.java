package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.DnsConfigBag;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.memo.IdentityMemo;

/**
 * Maps the databags into the {@link DhcpInput} of a {@code router}, {@code vpcrouter} or {@code dhcpsrvr}:
 * a pure function.
 *
 * <ul>
 *   <li>Boot arguments: {@code type}, {@code name}, {@code domain} (default {@value #DEFAULT_DOMAIN},
 *       CloudStack's), {@code dns1}/{@code dns2}/{@code ip6dns1}/{@code ip6dns2} as upstream servers,
 *       {@code useextdns}.</li>
 *   <li>Interfaces of a VPC router: one per {@code guestnetwork} tier, with its address, gateway,
 *       {@code dns}, {@code domain_name} and IPv6 address; on a redundant pair the range starts at (and
 *       VMs are told the name server is) the tier's gateway, the VRRP address. Of an isolated or shared-network router: one
 *       per {@code ips} device with a guest address (its primary address); on {@code eth0}, the boot guest
 *       NIC, the prefix is {@code cidrsize} when given and the static range starts at {@code dhcprange}.
 *       The gateway VMs get is the router itself ({@code router}), the VRRP address {@code guestgw} on a
 *       redundant pair, and the network's {@code gateway} on a {@code dhcpsrvr}; a {@code guestnetwork}
 *       entry for the device, when there is one, gives gateway, name servers and domain instead. The
 *       network's name servers are otherwise the boot arguments' ones.</li>
 *   <li>Hosts: every {@code dhcpentry} with an IPv4 address ({@code dns_addresses} IPv4 only;
 *       {@code static_routes} as {@code <network>,<gateway>} pairs separated by commas). An IPv6-only
 *       entry is left out and reported: the DHCPv6 reservation is keyed by the IPv4 host.</li>
 *   <li>vrouter's {@code dnsconfig}, when present: its domain replaces {@code domain}, its forwarders
 *       replace the upstream servers, its host records go into {@code /etc/hosts}.</li>
 * </ul>
 */
public final class DhcpInputs {
    /** The domain CloudStack gives a network without one. */
    public static final String DEFAULT_DOMAIN = "cloudnine.internal";
    private static final String BOOT_GUEST_DEVICE = "eth0";

    private DhcpInputs() {}

    /**
     * The dnsmasq input the databags describe.
     *
     * @param ignored receives one line per databag entry left out, naming the bag, the entry and why
     * @throws InvalidParameterException naming the bag and field when the bags do not make a valid input
     *     (no {@code type} or {@code name} boot argument, an invalid value, overlapping networks)
     */
    public static DhcpInput from(Databags bags, Consumer<String> ignored) {
        return from(bags, ignored, new IdentityMemo<>());
    }

    /**
     * {@link #from(Databags, Consumer)}, taking each entry's host from {@code hosts} when the same entry was
     * mapped in the previous call: a converge after one more entry maps that one entry.
     */
    public static DhcpInput from(Databags bags, Consumer<String> ignored, IdentityMemo<DhcpEntryPayload, DhcpHost> hosts) {
        requireNonNull(bags, "bags is null");
        requireNonNull(ignored, "ignored is null");
        requireNonNull(hosts, "hosts is null");
        BootArgs args = bootArgs(bags.cmdLine());
        RouterType type = args.type().orElseThrow(() -> new InvalidParameterException("cmdline.type", "is missing"));
        String name = args.name().orElseThrow(() -> new InvalidParameterException("cmdline.name", "is missing"));
        DnsConfigBag dnsConfig = bags.dnsConfig();
        String domain = dnsConfig.domain().or(args::domain).orElse(DEFAULT_DOMAIN);
        DnsServers upstream = new DnsServers(args.dns1(), args.dns2(), args.ip6Dns1(), args.ip6Dns2());
        List<GuestInterface> interfaces = type == RouterType.VPC_ROUTER ? tiers(bags) : guests(bags, args, type, upstream);
        return new DhcpInput(type, name, domain, upstream, args.useExternalDns(), interfaces, hosts(bags, ignored, hosts),
                dnsConfig.forwarders(), dnsConfig.hostRecords());
    }

    /** The boot arguments, checked key by key; errors are named {@code cmdline.<key>}. */
    static BootArgs bootArgs(CmdLineBag cmdLine) {
        try {
            return BootArgs.fromCmdLineMap(cmdLine.config());
        }
        catch (InvalidParameterException e) {
            throw e.within("cmdline.");
        }
    }

    private static List<GuestInterface> tiers(Databags bags) {
        List<GuestInterface> interfaces = new ArrayList<>();
        for (GuestNetworkPayload tier : bags.guestNetwork().devices().values()) {
            try {
                Cidr address = Cidr.of(tier.routerGuestIp(), tier.routerGuestNetmask());
                GuestInterface.Builder builder = GuestInterface.builder(tier.device(), address);
                describe(builder, tier);
                if (bags.cmdLine().isRedundant() && address.contains(tier.routerGuestGateway())) {
                    // the VRRP gateway, which whichever router is PRIMARY holds, not this router's own address
                    builder.dhcpRangeStart(tier.routerGuestGateway());
                }
                tier.routerGuestIp6().ifPresent(ip6 -> tier.routerGuestIp6Cidr()
                        .ifPresent(prefix -> builder.ipv6(new Cidr(ip6, prefix.prefixLength()))));
                interfaces.add(builder.build());
            }
            catch (InvalidParameterException e) {
                throw e.within("guestnetwork[" + tier.device() + "].");
            }
        }
        return interfaces;
    }

    private static List<GuestInterface> guests(Databags bags, BootArgs args, RouterType type, DnsServers upstream) {
        List<GuestInterface> interfaces = new ArrayList<>();
        for (String device : bags.ips().devicesOf(TrafficType.GUEST)) {
            IpEntry primary = bags.ips().entries(device).stream().filter(entry -> entry.nwType() == TrafficType.GUEST).findFirst().orElseThrow();
            boolean bootGuest = device.equals(BOOT_GUEST_DEVICE);
            int prefix = bootGuest ? args.cidrSize().orElse(primary.netmask().prefixLength()) : primary.netmask().prefixLength();
            GuestInterface.Builder builder = GuestInterface.builder(device, new Cidr(primary.publicIp(), prefix));
            Optional<GuestNetworkPayload> network = bags.guestNetwork().get(device);
            if (network.isPresent()) {
                describe(builder, network.get());
            }
            else {
                gateway(args, type, primary.publicIp()).ifPresent(builder::gateway);
                upstream.all().forEach(builder::dns);
            }
            if (bootGuest) {
                args.dhcpRange().ifPresent(builder::dhcpRangeStart);
            }
            interfaces.add(builder.build());
        }
        return interfaces;
    }

    private static Optional<IpAddress> gateway(BootArgs args, RouterType type, IpAddress routerIp) {
        if (type == RouterType.DHCP_SERVER) {
            return args.gateway();
        }
        return args.guestGateway().or(() -> Optional.of(routerIp));
    }

    /** Gateway, name servers and domain of a {@code guestnetwork} entry. */
    private static void describe(GuestInterface.Builder builder, GuestNetworkPayload network) {
        builder.gateway(network.routerGuestGateway());
        network.dns().ifPresent(list -> addresses("dns", list).forEach(builder::dns));
        network.dns6().ifPresent(list -> addresses("dns6", list).forEach(builder::dns));
        network.domainName().ifPresent(builder::domain);
    }

    private static List<DhcpHost> hosts(Databags bags, Consumer<String> ignored, IdentityMemo<DhcpEntryPayload, DhcpHost> memo) {
        memo.start(DhcpEntryPayload.class);
        List<DhcpHost> hosts = new ArrayList<>();
        for (DhcpEntryPayload entry : bags.dhcpEntry().entries().values()) {
            if (entry.ipv4Address().isEmpty()) {
                ignored.accept("dhcpentry[" + entry.ipv6Address().orElseThrow() + "]: no ipv4_address; IPv6-only NICs are not served yet");
                continue;
            }
            IpAddress ipv4 = entry.ipv4Address().get();
            try {
                hosts.add(memo.get(entry, mapped -> host(mapped, ipv4)));
            }
            catch (InvalidParameterException e) {
                throw e.within("dhcpentry[" + ipv4 + "].");
            }
        }
        return hosts;
    }

    private static DhcpHost host(DhcpEntryPayload entry, IpAddress ipv4) {
        DhcpHost.Builder host = DhcpHost.builder(entry.macAddress(), ipv4, entry.hostName()).defaultEntry(entry.defaultEntry())
                .leaseSeconds(entry.leaseTime().orElse(0L));
        entry.ipv6Address().ifPresent(host::ipv6);
        entry.ipv6Duid().ifPresent(host::duid);
        entry.defaultGateway().ifPresent(host::gateway);
        entry.dnsAddresses().ifPresent(list -> addresses("dns_addresses", list).stream().filter(IpAddress::isIpv4)
                .forEach(host::dnsAddresses));
        entry.staticRoutes().ifPresent(routes -> staticRoutes(routes).forEach(host::staticRoute));
        return host.build();
    }

    /** {@code <network>,<gateway>[,<network>,<gateway>...]}, blanks ignored. */
    static List<ClasslessRoute> staticRoutes(String text) {
        List<String> parts = nonBlank(text);
        if (parts.size() % 2 != 0) {
            throw new InvalidParameterException("static_routes", "must be <network>,<gateway> pairs", text);
        }
        List<ClasslessRoute> routes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += 2) {
            routes.add(ClasslessRoute.of(parts.get(i), parts.get(i + 1)));
        }
        return routes;
    }

    private static List<IpAddress> addresses(String field, String list) {
        return nonBlank(list).stream().map(value -> IpAddress.parse(field, value)).toList();
    }

    private static List<String> nonBlank(String list) {
        List<String> parts = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
