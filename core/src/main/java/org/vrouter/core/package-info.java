/**
 * Management-side runtime: {@code routing} (VirtualRoutingResource) and {@code channel} (RouterChannel, SSH); RouterManagerImpl, CommandSetupHelper and AgentManagerImpl to come.
 */
package org.vrouter.core;
