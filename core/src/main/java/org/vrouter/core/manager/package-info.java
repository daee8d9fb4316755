/**
 * The router manager: deploying, starting, stopping and destroying routers, and pushing addresses,
 * rules, VM data and VPNs to them ({@link org.vrouter.core.manager.RouterManagerImpl}).
 */
package org.vrouter.core.manager;
