/**
 * Background health checks of routers: restarting routers their host no longer runs, and polling
 * redundant pairs for their VRRP state ({@link org.vrouter.core.health.RouterHealthChecker}); the
 * state of each VPC's site-to-site connections ({@link org.vrouter.core.health.SiteToSiteVpnMonitor}).
 */
package org.vrouter.core.health;
