/**
 * Test support (to come): simulator hypervisor, recording agent, fixtures and assertions.
 */
package org.vrouter.testkit;
