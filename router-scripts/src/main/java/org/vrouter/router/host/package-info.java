/**
 * The machine a router runs on: files under a root directory and programs run from argv lists.
 * {@link org.vrouter.router.host.Host} is the only code on the router side that touches the machine.
 */
package org.vrouter.router.host;
