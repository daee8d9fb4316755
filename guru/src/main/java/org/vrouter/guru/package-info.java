/**
 * VirtualRouterGuru implementation (to come): NIC layout per router type and hypervisor, sizing and boot arguments.
 */
package org.vrouter.guru;
