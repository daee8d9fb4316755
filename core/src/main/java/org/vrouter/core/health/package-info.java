/**
 * Background health checks of routers: restarting routers their host no longer runs, and polling
 * redundant pairs for their VRRP state ({@link org.vrouter.core.health.RouterHealthChecker}).
 */
package org.vrouter.core.health;
