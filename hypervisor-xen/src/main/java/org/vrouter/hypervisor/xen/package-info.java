/**
 * Routers on XenServer / XCP-ng: {@link org.vrouter.hypervisor.xen.XenRouterResource} drives a host
 * through the XenAPI (xen-api 8.1.0 over XML-RPC) and reaches routers by SSH through the host.
 */
package org.vrouter.hypervisor.xen;
