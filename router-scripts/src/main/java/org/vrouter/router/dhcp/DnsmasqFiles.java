package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vrouter.api.net.MacAddress;

/**
 * The files dnsmasq is driven by, as rendered by {@link DnsmasqRenderer}.
 *
 * <p>dnsmasq reads {@link #cloudConf()} and the directories {@value #DHCP_HOSTS_DIR} ({@code dhcp-hostsdir}),
 * {@value #DHCP_OPTS_DIR} ({@code dhcp-optsdir}) and {@value #NAMES_DIR} ({@code hostsdir}).
 * {@link #entries()} is their content per host: per MAC address, a reservation file, an options file
 * (only for hosts with options of their own) and a names file, plus
 * {@value #NAMES_DIR}/{@value #ROUTER_NAMES_FILE} with the router's own names and the DNS host records.
 * {@link HostDirectories} lays them out (a base file plus one file per host added since) so that dnsmasq
 * picks up a new host by inotify, without a signal; a changed or removed host needs SIGHUP (see
 * {@link DnsmasqApplier}); only a changed {@code cloud.conf} needs a restart.
 *
 * <p>The CloudStack files {@value #DHCP_HOSTS}, {@value #DHCP_OPTS} and {@value #ETC_HOSTS} are still
 * written with their full CloudStack content, for the router's own resolver, operators and tools that
 * read them; dnsmasq does not read them.
 *
 * <p>Immutable. {@link #entries()} and the CloudStack texts are built on first use: an apply that only adds
 * hosts never needs the first ({@link HostDirectories} then works from {@link #hosts()}, by identity), and
 * one that leaves the CloudStack files for later ({@link DnsmasqApplier#applyLeavingRecords}) builds the texts
 * when they are settled.
 */
public final class DnsmasqFiles {
    public static final String CLOUD_CONF = "/etc/dnsmasq.d/cloud.conf";
    public static final String DHCP_HOSTS = "/etc/dhcphosts.txt";
    public static final String DHCP_OPTS = "/etc/dhcpopts.txt";
    public static final String ETC_HOSTS = "/etc/hosts";
    public static final String DHCP_HOSTS_DIR = "/etc/dhcphosts.d";
    public static final String DHCP_OPTS_DIR = "/etc/dhcpopts.d";
    public static final String NAMES_DIR = "/etc/dnsmasq-names.d";
    /** The file of {@value #NAMES_DIR} with the router's own names and the host records; never a MAC file name. */
    public static final String ROUTER_NAMES_FILE = "router";

    private final String cloudConf;
    private final List<DnsmasqHostFiles.HostText> hosts;
    private final String ownNames;
    private final String recordNames;
    private final String routerNames;
    /** Built from {@link #hosts} on first use. */
    private volatile Map<String, String> entries;
    /** The three CloudStack texts, built from {@link #hosts} on first use. */
    private volatile Records records;

    /** {@value #DHCP_HOSTS}, {@value #DHCP_OPTS} and {@value #ETC_HOSTS}. */
    private record Records(String dhcpHosts, String dhcpOpts, String etcHosts) {}

    /**
     * @param cloudConf {@value #CLOUD_CONF}: name service, forwarders, ranges and per-network options
     * @param hosts each host's per-host files, by IPv4 address
     * @param ownNames the router's own names, the first lines of {@value #ETC_HOSTS}
     * @param recordNames the lines of the DNS host records, the last lines of {@value #ETC_HOSTS}
     */
    DnsmasqFiles(String cloudConf, List<DnsmasqHostFiles.HostText> hosts, String ownNames, String recordNames) {
        this.cloudConf = requireNonNull(cloudConf, "cloudConf is null");
        this.hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        this.ownNames = requireNonNull(ownNames, "ownNames is null");
        this.recordNames = requireNonNull(recordNames, "recordNames is null");
        this.routerNames = ownNames + recordNames;
    }

    public String cloudConf() {
        return cloudConf;
    }

    /** {@value #DHCP_HOSTS}: one reservation per line. */
    public String dhcpHosts() {
        return texts().dhcpHosts();
    }

    /** {@value #DHCP_OPTS}: the options of tagged hosts. */
    public String dhcpOpts() {
        return texts().dhcpOpts();
    }

    /** {@value #ETC_HOSTS}: the router's names, one line per host name, the host records. */
    public String etcHosts() {
        return texts().etcHosts();
    }

    /** Whether a reservation sets a tag ({@code set:}): a host with options of its own. */
    public boolean setsTags() {
        for (DnsmasqHostFiles.HostText host : hosts) {
            if (!host.opts().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Each text sized before it is built: at 10,000 hosts, growing a builder copied each one several times. */
    private Records texts() {
        Records built = records;
        if (built == null) {
            int hostsLength = 0;
            int optsLength = 0;
            int namesLength = ownNames.length() + recordNames.length();
            for (DnsmasqHostFiles.HostText host : hosts) {
                hostsLength += host.hosts().length();
                optsLength += host.opts().length();
                namesLength += host.names().length();
            }
            StringBuilder dhcpHosts = new StringBuilder(hostsLength);
            StringBuilder dhcpOpts = new StringBuilder(optsLength);
            StringBuilder etcHosts = new StringBuilder(namesLength).append(ownNames);
            for (DnsmasqHostFiles.HostText host : hosts) {
                dhcpHosts.append(host.hosts());
                dhcpOpts.append(host.opts());
                etcHosts.append(host.names());
            }
            built = new Records(dhcpHosts.toString(), dhcpOpts.toString(), etcHosts.append(recordNames).toString());
            records = built;
        }
        return built;
    }

    /** Each host's per-host files, by IPv4 address. */
    List<DnsmasqHostFiles.HostText> hosts() {
        return hosts;
    }

    /** The content of {@value #NAMES_DIR}/{@value #ROUTER_NAMES_FILE}. */
    String routerNames() {
        return routerNames;
    }

    /**
     * The per-host files dnsmasq reads, router path to content, in the renderer's order (hosts by IPv4 address,
     * then the router's names).
     */
    public Map<String, String> entries() {
        Map<String, String> built = entries;
        if (built == null) {
            Map<String, String> files = new LinkedHashMap<>(hosts.size() * 4 + 16);
            for (DnsmasqHostFiles.HostText host : hosts) {
                host.addTo(files);
            }
            files.put(NAMES_DIR + "/" + ROUTER_NAMES_FILE, routerNames());
            built = Collections.unmodifiableMap(files);
            entries = built;
        }
        return built;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DnsmasqFiles files && cloudConf.equals(files.cloudConf) && hosts.equals(files.hosts)
                && ownNames.equals(files.ownNames) && recordNames.equals(files.recordNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cloudConf, hosts, ownNames, recordNames);
    }

    @Override
    public String toString() {
        return "DnsmasqFiles[" + hosts.size() + " hosts]";
    }

    /** The name of a host's file in the per-host directories: its MAC address with dashes ({@code 02-00-4c-5f-00-01}). */
    public static String entryFileName(MacAddress mac) {
        return mac.toString().replace(':', '-');
    }

    /**
     * The four single files, router path to content, in the order to write them: the CloudStack files
     * first, {@code cloud.conf} last.
     */
    public Map<String, String> singleFiles() {
        Map<String, String> files = records();
        files.put(CLOUD_CONF, cloudConf);
        return files;
    }

    /** CloudStack's three files, router path to content. */
    public Map<String, String> records() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DHCP_HOSTS, dhcpHosts());
        files.put(DHCP_OPTS, dhcpOpts());
        files.put(ETC_HOSTS, etcHosts());
        return files;
    }

    /**
     * Every file, router path to content: the single files, then the per-host directories as a converge from
     * scratch lays them out (one base file per directory, see {@link HostDirectories}).
     */
    public Map<String, String> byPath() {
        Map<String, String> files = singleFiles();
        files.putAll(HostDirectories.compacted(entries()));
        return files;
    }
}
