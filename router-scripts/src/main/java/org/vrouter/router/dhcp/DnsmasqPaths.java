package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.function.UnaryOperator;

/**
 * The files and directories {@code cloud.conf} points dnsmasq at (the per-host directories and the lease
 * file; the CloudStack files {@code addnHosts}, {@code hostsFile} and {@code optsFile} are written for the
 * router and its operators, not read by dnsmasq). On a router they are the router paths
 * ({@link #ROUTER}); a router in a sandbox maps them to where its root puts them
 * ({@link #map(UnaryOperator)}), since dnsmasq itself knows nothing of that root.
 *
 * @param addnHosts the names file dnsmasq serves, re-read on SIGHUP ({@code /etc/hosts})
 * @param hostsFile the DHCP reservations, re-read on SIGHUP
 * @param optsFile the per-host DHCP options, re-read on SIGHUP
 * @param leaseFile the lease database, written only by dnsmasq
 * @param hostsDir the per-host reservations ({@code dhcp-hostsdir}), new files read by inotify
 * @param optsDir the per-host options ({@code dhcp-optsdir}), new files read by inotify
 * @param namesDir the per-host names ({@code hostsdir}), new, changed and removed files followed by inotify
 */
public record DnsmasqPaths(String addnHosts, String hostsFile, String optsFile, String leaseFile, String hostsDir, String optsDir,
        String namesDir) {
    /** The router paths, CloudStack's and the per-host directories. */
    public static final DnsmasqPaths ROUTER = new DnsmasqPaths(DnsmasqFiles.ETC_HOSTS, DnsmasqFiles.DHCP_HOSTS,
            DnsmasqFiles.DHCP_OPTS, "/var/lib/misc/dnsmasq.leases", DnsmasqFiles.DHCP_HOSTS_DIR, DnsmasqFiles.DHCP_OPTS_DIR,
            DnsmasqFiles.NAMES_DIR);

    public DnsmasqPaths {
        DnsmasqText.check("addn-hosts", requireNonNull(addnHosts, "addnHosts is null"));
        DnsmasqText.check("dhcp-hostsfile", requireNonNull(hostsFile, "hostsFile is null"));
        DnsmasqText.check("dhcp-optsfile", requireNonNull(optsFile, "optsFile is null"));
        DnsmasqText.check("dhcp-leasefile", requireNonNull(leaseFile, "leaseFile is null"));
        DnsmasqText.check("dhcp-hostsdir", requireNonNull(hostsDir, "hostsDir is null"));
        DnsmasqText.check("dhcp-optsdir", requireNonNull(optsDir, "optsDir is null"));
        DnsmasqText.check("hostsdir", requireNonNull(namesDir, "namesDir is null"));
    }

    /** These paths, each passed through {@code mapping} (a host's root resolution). */
    public DnsmasqPaths map(UnaryOperator<String> mapping) {
        return new DnsmasqPaths(mapping.apply(addnHosts), mapping.apply(hostsFile), mapping.apply(optsFile),
                mapping.apply(leaseFile), mapping.apply(hostsDir), mapping.apply(optsDir), mapping.apply(namesDir));
    }
}
