/**
 * Network-namespace hypervisor resource (to come): routers as Linux network namespaces on this host.
 */
package org.vrouter.hypervisor.netns;
