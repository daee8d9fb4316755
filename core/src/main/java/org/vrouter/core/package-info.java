/**
 * Management-side runtime: {@code manager} (RouterManagerImpl), {@code health} (the health
 * checker), {@code setup} (CommandSetupHelper), {@code agent} (AgentManagerImpl), {@code dao}
 * (InMemoryRouterDao), {@code routing} (VirtualRoutingResource) and {@code channel}
 * (RouterChannel, SSH).
 */
package org.vrouter.core;
