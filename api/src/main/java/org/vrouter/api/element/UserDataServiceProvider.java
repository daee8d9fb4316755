package org.vrouter.api.element;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * An element providing {@code UserData}: serves each VM its user data, metadata, SSH key and
 * password (the router's metadata and password servers). Follows the {@link NetworkElement}
 * contract.
 */
public interface UserDataServiceProvider extends NetworkElement {
    /** Writes the VM's password (if its profile has one) and user data and metadata, as the VM starts. */
    void addPasswordAndUserdata(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /**
     * Pushes a new password from the profile. With no running router the password is kept by the
     * controller and delivered at the next router start; that is not a failure.
     */
    void savePassword(Network network, Nic nic, VirtualMachineProfile vm);

    /** Rewrites the VM's user data and metadata from the profile. */
    void saveUserData(Network network, Nic nic, VirtualMachineProfile vm);

    /** Publishes {@code sshPublicKey} as the VM's {@code public-keys} metadata. */
    void saveSshKey(Network network, Nic nic, VirtualMachineProfile vm, String sshPublicKey);

    /**
     * Publishes the name of the host the VM is being started on ({@code hypervisor-host-name}
     * metadata). Default: nothing to do (the provider does not publish it).
     */
    default void saveHypervisorHostname(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
    }
}
