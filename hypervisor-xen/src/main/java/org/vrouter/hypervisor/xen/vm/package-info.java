/**
 * Router VMs on a XenServer host: created from the system-VM template's record with the router's
 * sizing, disks, NICs and boot arguments, started, stopped and destroyed through the XenAPI.
 */
package org.vrouter.hypervisor.xen.vm;
