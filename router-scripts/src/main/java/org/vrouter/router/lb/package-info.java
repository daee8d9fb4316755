/**
 * The load balancer on the router: haproxy's configuration as the management server rendered it
 * ({@link org.vrouter.router.lb.LoadBalancerInput}), checked with {@code haproxy -c} and installed
 * with a seamless master-worker reload ({@link org.vrouter.router.lb.HaproxyApplier}).
 */
package org.vrouter.router.lb;
