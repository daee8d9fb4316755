/**
 * The router side (to come): update_config, databag merge and converge of dnsmasq, haproxy, iptables and friends.
 */
package org.vrouter.router;
