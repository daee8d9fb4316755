package org.vrouter.router.dhcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.memo.IdentityMemo;

/**
 * Renders dnsmasq's files from a {@link DhcpInput}: a pure function, same input, same bytes; no I/O,
 * clock or environment. One pass over the hosts (after sorting them), so the cost grows with their
 * number, never with its square.
 *
 * <p>{@code cloud.conf} is self-contained (dnsmasq can run from it alone):
 * <ul>
 *   <li>DNS: {@code domain=}, {@code local=/<domain>/} and {@code expand-hosts} serve the domain
 *       from the hosts file; {@code no-resolv} and one {@code server=} per upstream name server
 *       replace {@code /etc/resolv.conf}; {@code no-hosts} plus {@code hostsdir=} makes the
 *       rendered per-host name files the only source of names (followed by inotify).</li>
 *   <li>DHCP: {@code dhcp-hostsdir=}, {@code dhcp-optsdir=} (new files read by inotify, changed or
 *       removed ones on SIGHUP), the lease file,
 *       and {@code dhcp-authoritative}, so a VM renewing a lease the router lost gets an answer.</li>
 *   <li>Per interface, in device order, tag {@code interface-<device>-<n>} as CloudStack names it:
 *       a static range at {@link GuestInterface#rangeStart()} (only reserved hosts get addresses),
 *       options 15 (domain), 6 (name servers, see below), 3 (gateway, when there is one) and 1
 *       (netmask); with IPv6, a static DHCPv6 range over the prefix and its name server and domain
 *       options.</li>
 *   <li>{@code listen-address=}: loopback and the router's addresses on the interfaces.</li>
 * </ul>
 *
 * <p>Name servers VMs get (option 6): when the router serves DNS, its own address
 * ({@link GuestInterface#rangeStart()}) followed by the network's own name servers, as CloudStack
 * does; with {@code useextdns}, the network's name servers, or the router's upstream ones when the
 * network has none. Every interface is served whether or not a host is reserved on it yet, so the
 * first VM on a new tier is a hosts change (SIGHUP), not a configuration change (restart).
 *
 * <p>Hosts files: see {@link DnsmasqHostFiles}.
 */
public final class DnsmasqRenderer {
    private DnsmasqRenderer() {}

    /** The files for a router, pointing at the router paths. */
    public static DnsmasqFiles render(DhcpInput input) {
        return render(input, DnsmasqPaths.ROUTER);
    }

    /**
     * The files, with {@code cloud.conf} pointing at {@code paths}.
     *
     * @throws org.vrouter.api.error.InvalidParameterException if a value is not safe in a dnsmasq
     *     file (the input records already refuse such values; this is a second check)
     */
    public static DnsmasqFiles render(DhcpInput input, DnsmasqPaths paths) {
        return render(input, paths, new IdentityMemo<>());
    }

    /** {@link #render(DhcpInput, DnsmasqPaths)}, each host's lines taken from {@code hosts} when it was rendered last time. */
    static DnsmasqFiles render(DhcpInput input, DnsmasqPaths paths, IdentityMemo<DhcpHost, DnsmasqHostFiles.HostText> hosts) {
        List<GuestInterface> interfaces = sortedInterfaces(input.interfaces());
        DnsmasqHostFiles.Texts hostFiles = DnsmasqHostFiles.render(input, interfaces, hosts);
        return new DnsmasqFiles(cloudConf(input, interfaces, paths), hostFiles.hosts(), hostFiles.ownNames(), hostFiles.recordNames());
    }

    /** Interfaces in device order, numbers compared as numbers ({@code eth2} before {@code eth10}). */
    static List<GuestInterface> sortedInterfaces(List<GuestInterface> interfaces) {
        List<GuestInterface> sorted = new ArrayList<>(interfaces);
        sorted.sort(Comparator.comparing(GuestInterface::device, DnsmasqRenderer::compareDevices));
        return sorted;
    }

    private static String cloudConf(DhcpInput input, List<GuestInterface> interfaces, DnsmasqPaths paths) {
        String domain = DnsmasqText.check("domain", input.domain());
        List<String> lines = new ArrayList<>();
        lines.add("# dnsmasq for the guest networks, rendered by vrouter from the databags: edits are overwritten.");
        lines.add("# Reservations, options and names live in one file per host in the directories below: new files are read");
        lines.add("# as they appear; a changed or removed reservation or option file needs SIGHUP.");
        lines.add("domain=" + domain);
        lines.add("local=/" + domain + "/");
        lines.add("expand-hosts");
        lines.add("domain-needed");
        lines.add("bogus-priv");
        lines.add("no-resolv");
        for (IpAddress server : input.upstreamServers()) {
            lines.add("server=" + server);
        }
        lines.add("no-hosts");
        lines.add("hostsdir=" + paths.namesDir());
        lines.add("dhcp-hostsdir=" + paths.hostsDir());
        lines.add("dhcp-optsdir=" + paths.optsDir());
        lines.add("dhcp-leasefile=" + paths.leaseFile());
        lines.add("dhcp-authoritative");
        Set<IpAddress> listen = new LinkedHashSet<>();
        listen.add(IpAddress.parse("127.0.0.1"));
        for (int index = 0; index < interfaces.size(); index++) {
            GuestInterface guest = interfaces.get(index);
            lines.addAll(interfaceLines(input, guest, "interface-" + DnsmasqText.check("device", guest.device()) + "-" + index));
            listen.add(guest.address().address());
            listen.add(guest.rangeStart());
            guest.ipv6().ifPresent(ipv6 -> listen.add(ipv6.address()));
        }
        lines.add("listen-address=" + join(listen));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> interfaceLines(DhcpInput input, GuestInterface guest, String tag) {
        String domain = DnsmasqText.check("domain_name", guest.domain().orElse(input.domain()));
        String option = "dhcp-option=tag:" + tag + ",";
        List<String> lines = new ArrayList<>();
        lines.add("dhcp-range=set:" + tag + "," + guest.rangeStart() + ",static");
        lines.add(option + "15," + domain);
        List<IpAddress> dns4 = nameServers(input, guest, true);
        if (!dns4.isEmpty()) {
            lines.add(option + "6," + join(dns4));
        }
        guest.gateway().ifPresent(gateway -> lines.add(option + "3," + gateway));
        lines.add(option + "1," + guest.address().netmask());
        guest.ipv6().ifPresent(ipv6 -> {
            lines.add("dhcp-range=set:" + tag + "," + ipv6.network().address() + ",static," + ipv6.prefixLength());
            List<IpAddress> dns6 = nameServers(input, guest, false);
            if (!dns6.isEmpty()) {
                lines.add(option + "option6:dns-server," + dns6.stream().map(a -> "[" + a + "]").collect(Collectors.joining(",")));
            }
            lines.add(option + "option6:domain-search," + domain);
        });
        return lines;
    }

    /** The name servers VMs on {@code guest} are told to use, of one address family. */
    static List<IpAddress> nameServers(DhcpInput input, GuestInterface guest, boolean ipv4) {
        Set<IpAddress> servers = new LinkedHashSet<>();
        List<IpAddress> own = guest.dns().stream().filter(a -> a.isIpv4() == ipv4).toList();
        if (input.useExternalDns()) {
            servers.addAll(own.isEmpty() ? input.upstreamServers().stream().filter(a -> a.isIpv4() == ipv4).toList() : own);
        }
        else {
            if (ipv4) {
                servers.add(guest.rangeStart());
            }
            else {
                guest.ipv6().ifPresent(ipv6 -> servers.add(ipv6.address()));
            }
            servers.addAll(own);
        }
        return List.copyOf(servers);
    }

    static String join(Iterable<IpAddress> addresses) {
        StringBuilder text = new StringBuilder();
        for (IpAddress address : addresses) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(address);
        }
        return text.toString();
    }

    private static int compareDevices(String left, String right) {
        int leftDigits = trailingDigits(left);
        int rightDigits = trailingDigits(right);
        int prefix = left.substring(0, left.length() - leftDigits).compareTo(right.substring(0, right.length() - rightDigits));
        if (prefix != 0 || leftDigits == 0 || rightDigits == 0) {
            return prefix != 0 ? prefix : left.compareTo(right);
        }
        String leftNumber = left.substring(left.length() - leftDigits);
        String rightNumber = right.substring(right.length() - rightDigits);
        int byLength = Integer.compare(leftNumber.length(), rightNumber.length());
        return byLength != 0 ? byLength : leftNumber.compareTo(rightNumber);
    }

    private static int trailingDigits(String device) {
        int count = 0;
        while (count < device.length() && Character.isDigit(device.charAt(device.length() - 1 - count))) {
            count++;
        }
        return count;
    }
}
