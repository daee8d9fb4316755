/** Network rules: firewall, port forwarding, static NAT, load balancing and VPC network ACL items. */
package org.vrouter.api.rule;
