package org.vrouter.api.router;

import org.vrouter.api.network.Network;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * Programming a guest VM's DHCP entry, password and user data on its network's routers: the
 * per-VM half of a {@link RouterManager}. Follows the {@link RuleApplier} contract for router
 * states, failures and threading; in Basic zones only the routers of the VM's pod are programmed.
 */
public interface VmDataApplier {
    /** Adds or updates the DHCP (and DNS) entry for {@code nic}. */
    void applyDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic);

    /** Removes the DHCP entry for {@code nic} (VM expunged or NIC removed). */
    void removeDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic);

    /**
     * Writes the VM's user data and metadata, and its password when the profile carries one and
     * {@code nic} is the default NIC.
     */
    void applyVmData(Network network, VirtualMachineProfile vm, Nic nic);

    /**
     * Pushes the profile's password to the password server. With no Running router nothing is
     * sent; the controller keeps the password and it goes out with the VM data at the next router
     * start.
     */
    void savePassword(Network network, VirtualMachineProfile vm, Nic nic);
}
