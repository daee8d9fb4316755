/**
 * Transfer objects carried by router commands: NICs, disks, VMs, addresses, firewall/NAT/ACL rules,
 * load balancers and their parts, mirroring CloudStack's {@code com.cloud.agent.api.to} types.
 * Immutable, validated values; no I/O.
 */
package org.vrouter.commands.to;
