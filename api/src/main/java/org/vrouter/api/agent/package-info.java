/** Delivering commands to hypervisor hosts: the AgentManager and the HypervisorResource each hypervisor module implements. */
package org.vrouter.api.agent;
