/**
 * Virtual routers: the router entity, its states and roles, and the RouterManager,
 * VirtualRouterGuru, RouterDao and NetworkConfigurationSource SPIs.
 */
package org.vrouter.api.router;
