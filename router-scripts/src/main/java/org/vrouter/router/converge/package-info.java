/**
 * Bringing the router to the state its databags describe: the {@link org.vrouter.router.converge.Converger}
 * contract the update pipeline calls once per update or batch, the router's services in dependency order
 * ({@link org.vrouter.router.converge.RouterConvergers}: addresses, firewall, dnsmasq, haproxy) with
 * per-service outcomes, and their rendering and drift for {@code vrouter render} and {@code vrouter verify}.
 */
package org.vrouter.router.converge;
