/** Storage of routers: the in-memory {@link org.vrouter.api.router.RouterDao} used when the host controller supplies none. */
package org.vrouter.core.dao;
