/**
 * The VPC router's ({@code type=vpcrouter}) IPv4 firewall: network ACLs per tier and private gateway
 * ({@code ACL_INBOUND_<dev>} / {@code ACL_OUTBOUND_<dev>}), source NAT for the VPC CIDR, port forwarding
 * and static NAT into tiers; its input mapped from the databags and the service that converges it.
 */
package org.vrouter.router.vpc;
