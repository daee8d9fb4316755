/**
 * The builders of router set-up commands as interfaces: {@code guru}'s start-batch planner decides
 * which steps a starting router gets, and {@code core}'s command setup helper implements them.
 * They live here, below both, because neither module may depend on the other.
 */
package org.vrouter.commands.setup;
