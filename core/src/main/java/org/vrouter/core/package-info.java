/**
 * Management-side runtime (to come): RouterManagerImpl, CommandSetupHelper, AgentManagerImpl, VirtualRoutingResource and the SSH router channel.
 */
package org.vrouter.core;
