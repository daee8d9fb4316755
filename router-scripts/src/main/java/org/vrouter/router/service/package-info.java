/**
 * Starting, stopping, reloading and signalling the router's daemons (dnsmasq, haproxy, keepalived...)
 * through the {@link org.vrouter.router.host.Host}.
 */
package org.vrouter.router.service;
