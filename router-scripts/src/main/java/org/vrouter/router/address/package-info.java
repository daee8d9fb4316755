/**
 * The router's addresses, links, routes and policy-routing rules as data ({@link org.vrouter.router.address.Addressing})
 * and the {@link org.vrouter.router.address.AddressApplier} that converges the kernel to it: one read
 * of the kernel, a pure diff, and one {@code ip -batch} with only the difference.
 */
package org.vrouter.router.address;
