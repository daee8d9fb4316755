/**
 * {@link org.vrouter.guru.RouterGuru}, vrouter's {@code VirtualRouterGuru}: router sizing, NIC layout
 * per router type and hypervisor, the boot-argument line, and the start batch's order.
 */
package org.vrouter.guru;
