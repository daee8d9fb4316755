/**
 * Transfer objects carried by router commands: CloudStack's {@code com.cloud.agent.api.to} values
 * (load balancer rules and their parts, ...), as validated records.
 */
package org.vrouter.commands.to;
