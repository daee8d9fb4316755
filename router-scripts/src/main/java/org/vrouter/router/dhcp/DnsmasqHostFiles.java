package org.vrouter.router.dhcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.bootargs.RouterType;

/**
 * The three files dnsmasq re-reads on SIGHUP, in CloudStack's formats, hosts in IPv4 order.
 *
 * <p>{@code dhcphosts.txt}, one reservation per line:
 * <pre>
 * 02:00:4c:5f:00:01,10.1.1.23,vm-1,infinite                  default NIC
 * 02:00:4c:5f:00:02,set:10_1_2_23,10.1.2.23,vm-1,infinite    tagged: non-default NIC, or own options
 * id:00:03:00:01:02:00:4c:5f:00:01,[fd00:1::23],vm-1,infinite  DHCPv6, by client DUID
 * </pre>
 * The tag is the IPv4 address with dots replaced by underscores.
 *
 * <p>{@code dhcpopts.txt}, the options of tagged hosts ({@code <tag>,<option>[,<value>]}; a bare
 * first field is a tag to dnsmasq, as CloudStack writes it):
 * <ul>
 *   <li>a non-default NIC: empty options 3, 6 and 15, so it gives the VM no default route, name
 *       server or domain;</li>
 *   <li>a default NIC whose {@code default_gateway} or {@code dns_addresses} differ from its
 *       network's: option 3 ({@code 0.0.0.0}: empty) or 6 with its own values;</li>
 *   <li>static routes: option 121 (classless routes), plus the default route through the NIC's
 *       gateway on a default NIC, because a client that accepts option 121 ignores option 3 (RFC 3442).</li>
 * </ul>
 *
 * <p>{@code /etc/hosts}: the loopback names, {@code 127.0.1.1 <router name>}, on isolated and shared
 * network routers {@code <guest address> <router name> data-server}, then {@code <address><TAB><host>}
 * per reservation, IPv4 and IPv6.
 */
final class DnsmasqHostFiles {
    private static final IpAddress ANY = IpAddress.parse("0.0.0.0");

    private DnsmasqHostFiles() {}

    static String dhcpHosts(DhcpInput input) {
        StringBuilder out = new StringBuilder();
        for (DhcpHost host : sorted(input.hosts())) {
            String name = DnsmasqText.check("host_name", host.hostName());
            out.append(host.mac());
            if (!hostOptions(input, host).isEmpty()) {
                out.append(",set:").append(tag(host));
            }
            out.append(',').append(host.ipv4()).append(',').append(name).append(',').append(host.leaseText()).append('\n');
            if (host.ipv6().isPresent()) {
                out.append("id:").append(DnsmasqText.check("ipv6_duid", host.effectiveDuid()))
                        .append(",[").append(host.ipv6().get()).append("],").append(name).append(',')
                        .append(host.leaseText()).append('\n');
            }
        }
        return out.toString();
    }

    static String dhcpOpts(DhcpInput input) {
        StringBuilder out = new StringBuilder();
        for (DhcpHost host : sorted(input.hosts())) {
            for (String option : hostOptions(input, host)) {
                out.append(tag(host)).append(',').append(option).append('\n');
            }
        }
        return out.toString();
    }

    static String etcHosts(DhcpInput input, List<GuestInterface> interfaces) {
        String router = DnsmasqText.check("name", input.routerName());
        StringBuilder out = new StringBuilder();
        out.append("127.0.0.1\tlocalhost\n");
        out.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        out.append("ff02::1\tip6-allnodes\n");
        out.append("ff02::2\tip6-allrouters\n");
        out.append("127.0.1.1\t").append(router).append('\n');
        if (input.routerType() != RouterType.VPC_ROUTER && !interfaces.isEmpty()) {
            out.append(interfaces.get(0).rangeStart()).append('\t').append(router).append(" data-server\n");
        }
        for (DhcpHost host : sorted(input.hosts())) {
            String name = DnsmasqText.check("host_name", host.hostName());
            out.append(host.ipv4()).append('\t').append(name).append('\n');
            host.ipv6().ifPresent(ipv6 -> out.append(ipv6).append('\t').append(name).append('\n'));
        }
        return out.toString();
    }

    /** The options a host needs beyond its network's, as {@code <code>[,<value>]}, by option code. */
    static List<String> hostOptions(DhcpInput input, DhcpHost host) {
        Optional<GuestInterface> guest = input.interfaceServing(host.ipv4());
        Optional<IpAddress> networkGateway = guest.flatMap(GuestInterface::gateway);
        List<String> options = new ArrayList<>(4);
        Optional<IpAddress> gateway;
        if (!host.defaultEntry()) {
            options.add("3");
            options.add("6");
            options.add("15");
            gateway = Optional.empty();
        }
        else {
            Optional<IpAddress> own = host.gateway().filter(value -> !value.equals(ANY));
            gateway = host.gateway().isPresent() ? own : networkGateway;
            if (host.gateway().isPresent() && !own.equals(networkGateway)) {
                options.add(own.map(value -> "3," + value).orElse("3"));
            }
            List<IpAddress> networkDns = guest.map(value -> DnsmasqRenderer.nameServers(input, value, true)).orElse(List.of());
            if (!host.dnsAddresses().isEmpty() && !host.dnsAddresses().equals(networkDns)) {
                options.add("6," + DnsmasqRenderer.join(host.dnsAddresses()));
            }
        }
        if (!host.staticRoutes().isEmpty()) {
            StringBuilder routes = new StringBuilder("121");
            for (ClasslessRoute route : host.staticRoutes()) {
                routes.append(',').append(route.optionValue());
            }
            gateway.ifPresent(value -> routes.append(",0.0.0.0/0,").append(value));
            options.add(routes.toString());
        }
        return options;
    }

    private static String tag(DhcpHost host) {
        return host.ipv4().value().replace('.', '_');
    }

    private static List<DhcpHost> sorted(List<DhcpHost> hosts) {
        List<DhcpHost> sorted = new ArrayList<>(hosts);
        sorted.sort(Comparator.comparing(DhcpHost::ipv4));
        return sorted;
    }
}
