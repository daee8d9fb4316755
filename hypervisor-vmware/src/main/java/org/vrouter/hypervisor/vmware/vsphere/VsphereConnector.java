package org.vrouter.hypervisor.vmware.vsphere;

/**
 * Logs in to vCenter and hands out a {@link VsphereClient} for that session. The router resource
 * calls it once per command and closes the client (logging out) when the command is done, so no
 * session outlives a command. Thread-safe.
 */
@FunctionalInterface
public interface VsphereConnector {
    /**
     * @throws VsphereException when vCenter is unreachable or refuses the login (fault
     *     {@code InvalidLogin} for bad credentials)
     */
    VsphereClient connect(VsphereEndpoint endpoint) throws VsphereException;
}
