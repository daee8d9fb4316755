/**
 * What a freshly booted router is sent: the order of the start batch (management-side §8.2), whose
 * commands the factory interfaces of {@code org.vrouter.commands.setup} (implemented in
 * {@code core}) fill in step by step.
 */
package org.vrouter.guru.start;
