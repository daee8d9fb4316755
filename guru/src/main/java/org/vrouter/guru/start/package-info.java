/**
 * What a freshly booted router is sent: the order of the start batch (management-side §8.2) and the
 * factory interfaces through which the command builders of {@code core} fill in each step.
 */
package org.vrouter.guru.start;
