/**
 * Network usage on the router: the byte counters CloudStack's {@code netusage.sh} and {@code vpc_netusage.sh}
 * read. The firewall renderers own the counting chains ({@code NETWORK_STATS} on an isolated router,
 * {@code NETWORK_STATS_<public dev>} on a VPC router); this package reads them ({@link
 * org.vrouter.router.usage.ChainCounters}), zeroes them and finds a VPC public address's interface
 * ({@link org.vrouter.router.usage.UsageCounters}). The launcher's {@code vrouter netusage} and
 * {@code vrouter vpc-netusage} print what {@code NetworkUsageAnswer} parses.
 */
package org.vrouter.router.usage;
