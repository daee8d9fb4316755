/** Redundant (VRRP) router pairs: keepalived and conntrackd configuration, the redundancy service and the VRRP state transitions. */
package org.vrouter.router.redundancy;
