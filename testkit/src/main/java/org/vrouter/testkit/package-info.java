/**
 * Test support for vrouter: the simulator hypervisor ({@code .simulator}), the recording agent
 * manager ({@code .agent}) and fluent fixtures ({@code .fixture}).
 */
package org.vrouter.testkit;
