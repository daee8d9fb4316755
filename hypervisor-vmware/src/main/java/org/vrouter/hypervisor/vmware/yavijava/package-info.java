/**
 * The {@code VsphereClient} over yavijava (the maintained vijava fork). Works around yavijava's
 * limits against current vCenters and the simulator: objects are found by type and name with an
 * {@code InventoryNavigator}, never through single managed-object getters (which fail on the
 * simulator's typed references), and task waits are polled with a bound.
 */
package org.vrouter.hypervisor.vmware.yavijava;
