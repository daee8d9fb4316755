/**
 * KVM hypervisor resource (to come): libvirt domain XML and libvirt-java.
 */
package org.vrouter.hypervisor.kvm;
