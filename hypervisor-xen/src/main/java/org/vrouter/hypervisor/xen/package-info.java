/**
 * XenServer / XCP-ng hypervisor resource (to come): XenAPI over xen-api-java.
 */
package org.vrouter.hypervisor.xen;
