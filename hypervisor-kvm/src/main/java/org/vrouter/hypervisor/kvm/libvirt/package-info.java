/** The libvirt connection of a KVM host: libvirt-java calls, their errors as our exceptions. */
package org.vrouter.hypervisor.kvm.libvirt;
