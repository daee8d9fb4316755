/**
 * The network-namespace hypervisor: routers as Linux network namespaces on this host, configured by
 * the real router-side pipeline through a local router channel. Start with {@link org.vrouter.hypervisor.netns.NetnsHypervisor}.
 */
package org.vrouter.hypervisor.netns;
