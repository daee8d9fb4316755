/**
 * vSphere hypervisor resource (to come): yavijava behind a small interface of ours.
 */
package org.vrouter.hypervisor.vmware;
