package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four files dnsmasq is driven by, as rendered by {@link DnsmasqRenderer}. Only
 * {@link #cloudConf()} needs a restart when it changes; dnsmasq re-reads the other three on SIGHUP.
 *
 * @param cloudConf {@value #CLOUD_CONF}: name service, forwarders, ranges and per-network options
 * @param dhcpHosts {@value #DHCP_HOSTS}: one reservation per line
 * @param dhcpOpts {@value #DHCP_OPTS}: options of tagged hosts
 * @param etcHosts {@value #ETC_HOSTS}: the names dnsmasq serves
 */
public record DnsmasqFiles(String cloudConf, String dhcpHosts, String dhcpOpts, String etcHosts) {
    public static final String CLOUD_CONF = "/etc/dnsmasq.d/cloud.conf";
    public static final String DHCP_HOSTS = "/etc/dhcphosts.txt";
    public static final String DHCP_OPTS = "/etc/dhcpopts.txt";
    public static final String ETC_HOSTS = "/etc/hosts";

    public DnsmasqFiles {
        requireNonNull(cloudConf, "cloudConf is null");
        requireNonNull(dhcpHosts, "dhcpHosts is null");
        requireNonNull(dhcpOpts, "dhcpOpts is null");
        requireNonNull(etcHosts, "etcHosts is null");
    }

    /**
     * Router path to content, in the order to write them: the files SIGHUP re-reads first,
     * {@code cloud.conf} last.
     */
    public Map<String, String> byPath() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DHCP_HOSTS, dhcpHosts);
        files.put(DHCP_OPTS, dhcpOpts);
        files.put(ETC_HOSTS, etcHosts);
        files.put(CLOUD_CONF, cloudConf);
        return files;
    }
}
