/**
 * VPC static routes: the {@code staticroutes} bag checked against the router's connected networks; the
 * routes that pass are programmed by the {@code addresses} service ({@link org.vrouter.router.address}).
 */
package org.vrouter.router.route;
