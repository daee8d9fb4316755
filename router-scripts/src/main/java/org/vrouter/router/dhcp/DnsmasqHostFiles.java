package org.vrouter.router.dhcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.memo.IdentityMemo;

/**
 * The three files dnsmasq re-reads on SIGHUP, in CloudStack's formats, hosts in IPv4 order,
 * rendered in one pass over the hosts.
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
 * per reservation, IPv4 and IPv6, then per {@code dnsconfig} host record (by name) one line per address.
 *
 * <p>What dnsmasq itself reads is the same content split per host (see {@link DnsmasqFiles#entries()}):
 * per MAC address its lines for {@code /etc/dhcphosts.d}, {@code /etc/dhcpopts.d} (only when it has
 * options) and {@code /etc/dnsmasq-names.d}, plus {@code /etc/dnsmasq-names.d/router} with the
 * router's own names and the host records. Together they hold the lines of the three texts above.
 */
final class DnsmasqHostFiles {
    private static final IpAddress ANY = IpAddress.parse("0.0.0.0");

    /**
     * Each host's per-host files (in host order), the router's own names ({@code /etc/hosts}' first lines) and the
     * host records' lines ({@code /etc/hosts}' last lines): what the three CloudStack texts and the router's names
     * file are made of (see {@link DnsmasqFiles}).
     */
    record Texts(List<HostText> hosts, String ownNames, String recordNames) {}

    /**
     * One host's lines and the paths of its per-host files; {@code opts} is empty for a host without options.
     * {@code order} is the host's IPv4 address as a number, the files' sort key.
     */
    record HostText(long order, String hostsPath, String hosts, String optsPath, String opts, String namesPath, String names) {
        /** Adds this host's files, router path to content: reservation, options (when it has any), names. */
        void addTo(Map<String, String> files) {
            files.put(hostsPath, hosts);
            if (!opts.isEmpty()) {
                files.put(optsPath, opts);
            }
            files.put(namesPath, names);
        }
    }

    private final DhcpInput input;
    private final List<GuestInterface> interfaces;
    /** Per interface, in {@link #interfaces} order: the IPv4 network and mask as numbers. */
    private final long[] networks;
    private final long[] masks;
    /** Per interface: the name servers its VMs get by default. */
    private final List<List<IpAddress>> networkDns;
    private final IdentityMemo<DhcpHost, HostText> memo;

    private DnsmasqHostFiles(DhcpInput input, List<GuestInterface> interfaces, IdentityMemo<DhcpHost, HostText> memo) {
        this.input = input;
        this.memo = memo;
        this.interfaces = interfaces;
        this.networks = new long[interfaces.size()];
        this.masks = new long[interfaces.size()];
        this.networkDns = new ArrayList<>(interfaces.size());
        for (int i = 0; i < interfaces.size(); i++) {
            GuestInterface guest = interfaces.get(i);
            masks[i] = guest.address().prefixLength() == 0 ? 0 : (0xffffffffL << (32 - guest.address().prefixLength())) & 0xffffffffL;
            networks[i] = ipv4Number(guest.address().address()) & masks[i];
            networkDns.add(DnsmasqRenderer.nameServers(input, guest, true));
        }
    }

    /**
     * The texts; a host's lines come from {@code memo} when the same host was rendered in the last call with
     * the same interfaces and name servers (what a host's options depend on).
     */
    static Texts render(DhcpInput input, List<GuestInterface> interfaces, IdentityMemo<DhcpHost, HostText> memo) {
        memo.start(List.of(interfaces, input.useExternalDns(), input.upstreamServers()));
        return new DnsmasqHostFiles(input, interfaces, memo).render();
    }

    private Texts render() {
        String router = DnsmasqText.check("name", input.routerName());
        StringBuilder own = new StringBuilder();
        own.append("127.0.0.1\tlocalhost\n");
        own.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        own.append("ff02::1\tip6-allnodes\n");
        own.append("ff02::2\tip6-allrouters\n");
        own.append("127.0.1.1\t").append(router).append('\n');
        if (input.routerType() != RouterType.VPC_ROUTER && !interfaces.isEmpty()) {
            own.append(interfaces.get(0).rangeStart()).append('\t').append(router).append(" data-server\n");
        }
        // sorted by a key each host's text carries, so a memoised host costs no address parsing
        HostText[] texts = new HostText[input.hosts().size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = memo.get(input.hosts().get(i), this::renderHost);
        }
        Arrays.sort(texts, Comparator.comparingLong(HostText::order));
        StringBuilder records = new StringBuilder();
        input.hostRecords().forEach((name, addresses) -> {
            String checked = DnsmasqText.check("host_records", name);
            addresses.forEach(address -> records.append(address).append('\t').append(checked).append('\n'));
        });
        return new Texts(Arrays.asList(texts), own.toString(), records.toString());
    }

    /** One host's reservation lines, option lines and name lines. */
    private HostText renderHost(DhcpHost host) {
        StringBuilder hosts = new StringBuilder();
        StringBuilder opts = new StringBuilder();
        StringBuilder names = new StringBuilder();
        String name = DnsmasqText.check("host_name", host.hostName());
        String tag = host.ipv4().value().replace('.', '_');
        List<String> options = hostOptions(host);
        hosts.append(host.mac());
        if (!options.isEmpty()) {
            hosts.append(",set:").append(tag);
        }
        hosts.append(',').append(host.ipv4()).append(',').append(name).append(',').append(host.leaseText()).append('\n');
        for (String option : options) {
            opts.append(tag).append(',').append(option).append('\n');
        }
        names.append(host.ipv4()).append('\t').append(name).append('\n');
        if (host.ipv6().isPresent()) {
            IpAddress ipv6 = host.ipv6().get();
            hosts.append("id:").append(DnsmasqText.check("ipv6_duid", host.effectiveDuid())).append(",[").append(ipv6)
                    .append("],").append(name).append(',').append(host.leaseText()).append('\n');
            names.append(ipv6).append('\t').append(name).append('\n');
        }
        String file = "/" + DnsmasqFiles.entryFileName(host.mac());
        return new HostText(ipv4Number(host.ipv4()), DnsmasqFiles.DHCP_HOSTS_DIR + file, hosts.toString(), DnsmasqFiles.DHCP_OPTS_DIR + file, opts.toString(),
                DnsmasqFiles.NAMES_DIR + file, names.toString());
    }

    /** The options a host needs beyond its network's, as {@code <code>[,<value>]}, by option code. */
    private List<String> hostOptions(DhcpHost host) {
        int served = servingInterface(host.ipv4());
        Optional<IpAddress> networkGateway = served < 0 ? Optional.empty() : interfaces.get(served).gateway();
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
            List<IpAddress> dns = served < 0 ? List.of() : networkDns.get(served);
            if (!host.dnsAddresses().isEmpty() && !host.dnsAddresses().equals(dns)) {
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

    /** The index of the first interface whose network holds the address, or -1. */
    private int servingInterface(IpAddress ipv4) {
        long number = ipv4Number(ipv4);
        for (int i = 0; i < networks.length; i++) {
            if ((number & masks[i]) == networks[i]) {
                return i;
            }
        }
        return -1;
    }

    private static long ipv4Number(IpAddress ipv4) {
        byte[] b = ipv4.bytes();
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }
}
