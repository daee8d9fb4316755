package org.vrouter.hypervisor.kvm.bootargs;

/**
 * Sends one command to the QEMU guest agent of a domain and returns its JSON reply
 * ({@code virDomainQemuAgentCommand}). {@code LibvirtConnection::agentCommand} is the real one; a
 * test passes its own, because libvirt's test driver has no guest agent. Thread-safe.
 */
@FunctionalInterface
public interface GuestAgent {
    /**
     * @throws org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException when libvirt or the agent fails
     *     (agent not running yet, timeout, unsupported)
     */
    String command(String domain, String json, int timeoutSeconds);
}
