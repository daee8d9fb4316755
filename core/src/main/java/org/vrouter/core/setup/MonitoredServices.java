package org.vrouter.core.setup;

import org.vrouter.commands.to.MonitorServiceTO;

/**
 * The services a router's monitor can watch: the rows CloudStack seeds its
 * {@code monitoring_services} table with. {@code ssh} and {@code webserver} are the defaults every
 * monitored router gets; {@code dhcp} and {@code loadbalancing} only where the router provides them.
 */
final class MonitoredServices {
    static final MonitorServiceTO DHCP = new MonitorServiceTO("dhcp", "dnsmasq", "dnsmasq", "/etc/init.d/dnsmasq",
            "/var/run/dnsmasq/dnsmasq.pid", false);
    static final MonitorServiceTO LOAD_BALANCING = new MonitorServiceTO("loadbalancing", "haproxy", "haproxy", "/etc/init.d/haproxy",
            "/var/run/haproxy.pid", false);
    static final MonitorServiceTO SSH = new MonitorServiceTO("ssh", "sshd", "ssh", "/etc/init.d/ssh", "/var/run/sshd.pid", true);
    static final MonitorServiceTO WEBSERVER = new MonitorServiceTO("webserver", "apache2", "apache2", "/etc/init.d/apache2",
            "/var/run/apache2/apache2.pid", true);

    private MonitoredServices() {}
}
