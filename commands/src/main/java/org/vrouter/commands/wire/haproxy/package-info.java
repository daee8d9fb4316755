/**
 * Renders the router's haproxy configuration and load balancer firewall openings from a
 * {@code LoadBalancerConfigCommand}: the {@code configuration}, {@code add_rules},
 * {@code remove_rules} and {@code stat_rules} of {@code load_balancer.json}. Pure functions.
 */
package org.vrouter.commands.wire.haproxy;
