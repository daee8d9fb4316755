/**
 * The router's IPv4 firewall as data (an iptables {@link org.vrouter.router.firewall.Ruleset} and
 * {@link org.vrouter.router.firewall.Ipset}s) and the appliers that converge the kernel to it:
 * one {@code iptables-restore --noflush} per change, rewriting only the chains that changed.
 */
package org.vrouter.router.firewall;
