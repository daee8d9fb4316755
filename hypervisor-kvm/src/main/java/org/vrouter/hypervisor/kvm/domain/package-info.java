/** Libvirt domain definitions of routers, as typed values rendered to escaped XML. */
package org.vrouter.hypervisor.kvm.domain;
