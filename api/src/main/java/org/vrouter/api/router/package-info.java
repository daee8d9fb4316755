/** Virtual routers: the router entity, its states and roles, and the RouterManager, VirtualRouterGuru and RouterDao SPIs. */
package org.vrouter.api.router;
