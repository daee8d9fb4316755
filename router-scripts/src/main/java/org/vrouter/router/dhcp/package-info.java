/**
 * DHCP and DNS for the guest networks: the input the converger maps the databags into
 * ({@link org.vrouter.router.dhcp.DhcpInput}), the pure dnsmasq renderer
 * ({@link org.vrouter.router.dhcp.DnsmasqRenderer}) and the applier that writes the changed files and
 * reloads dnsmasq by SIGHUP, restarting it for a changed {@code cloud.conf} or for tagged reservations
 * while leases are held ({@link org.vrouter.router.dhcp.DnsmasqApplier}).
 */
package org.vrouter.router.dhcp;
