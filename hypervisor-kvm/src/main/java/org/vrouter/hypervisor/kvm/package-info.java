/**
 * Routers on KVM through libvirt-java: {@link org.vrouter.hypervisor.kvm.KvmRouterResource}, the
 * {@code HypervisorResource} of a KVM host.
 */
package org.vrouter.hypervisor.kvm;
