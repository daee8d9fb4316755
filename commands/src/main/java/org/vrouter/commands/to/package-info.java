/**
 * Transfer objects carried by router commands: NICs, disks, VMs, addresses and rules, mirroring
 * CloudStack's {@code com.cloud.agent.api.to} types. Immutable, validated values; no I/O.
 */
package org.vrouter.commands.to;
