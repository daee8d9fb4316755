/**
 * Addresses a router holds because it exists or runs (link-local and pod control addresses, a
 * redundant or shared router's guest address): pools, the allocator interface and its in-memory default.
 */
package org.vrouter.guru.address;
