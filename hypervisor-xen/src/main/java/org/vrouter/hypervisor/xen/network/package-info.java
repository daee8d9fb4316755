/**
 * Which XenAPI network each NIC of a router goes on: the link-local control network, a physical
 * network by traffic label, or a VLAN network looked up or created from the NIC's broadcast URI.
 */
package org.vrouter.hypervisor.xen.network;
