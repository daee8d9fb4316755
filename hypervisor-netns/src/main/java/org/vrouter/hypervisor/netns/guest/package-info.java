/**
 * Guest VMs for tests and the demo: namespaces on a guest bridge that get their address by real DHCP
 * from the router, with a client that never touches the machine's {@code /etc/resolv.conf}.
 */
package org.vrouter.hypervisor.netns.guest;
