/**
 * Turning domain objects into router commands (CloudStack's {@code CommandSetupHelper}): access
 * details, transfer objects, IP association grouping and the ordered start batch. Pure functions
 * of their inputs and settings: no I/O, nothing sent.
 */
package org.vrouter.core.setup;
