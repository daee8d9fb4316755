/**
 * vrouter's own small view of the vSphere API: what the VMware router resource needs from vCenter
 * (find, create, power and destroy a VM; list port groups), so the client library behind it can be
 * swapped. The yavijava implementation is in {@code org.vrouter.hypervisor.vmware.yavijava}.
 */
package org.vrouter.hypervisor.vmware.vsphere;
