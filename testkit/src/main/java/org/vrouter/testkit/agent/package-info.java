/** Agent-side test support: an {@code AgentManager} decorator that records every command and its answer. */
package org.vrouter.testkit.agent;
