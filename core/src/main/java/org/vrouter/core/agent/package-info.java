/** Delivering commands to hypervisor hosts: the {@link org.vrouter.api.agent.AgentManager} implementation. */
package org.vrouter.core.agent;
