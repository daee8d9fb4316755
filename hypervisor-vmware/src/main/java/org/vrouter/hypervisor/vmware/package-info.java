/**
 * Routers on vSphere: {@link org.vrouter.hypervisor.vmware.VmwareRouterResource}, the
 * {@code HypervisorResource} for VMware hosts, over vrouter's own small vSphere interface
 * ({@code .vsphere}) implemented with yavijava ({@code .yavijava}).
 */
package org.vrouter.hypervisor.vmware;
