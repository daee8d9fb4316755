/** Public IP addresses associated with networks: source NAT, static NAT and rule addresses. */
package org.vrouter.api.address;
