/** How a KVM router receives its boot arguments: the QEMU guest agent, or a config-drive ISO. */
package org.vrouter.hypervisor.kvm.bootargs;
