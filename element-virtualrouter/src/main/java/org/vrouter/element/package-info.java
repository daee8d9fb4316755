/**
 * The virtual router's network element: {@link org.vrouter.element.VirtualRouterElement}, the
 * {@code VirtualRouter} provider of isolated and shared networks, which decides what concerns its
 * routers and hands the work to an {@link org.vrouter.api.router.RouterManager}.
 *
 * <p>The VPC element ({@code VpcVirtualRouter}: NetworkACL, VPC, site-to-site VPN, and the tier
 * services) is not here yet: implementing a VPC or a tier needs router-manager operations the SPI
 * lacks (deploying a VPC's routers without a tier, listing a VPC's routers, plugging a tier into
 * running routers) and a way to read a {@link org.vrouter.api.network.Vpc} by id.
 */
package org.vrouter.element;
