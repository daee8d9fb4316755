package org.vrouter.api.router;

import java.util.List;

import org.vrouter.api.address.IpAlias;
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
     * Puts the network's IP aliases on its routers (CloudStack's {@code configDhcpForSubnet} and
     * {@code removeDhcpSupportForSubnet}): with revoked aliases a {@code DeleteIpAliasCommand}
     * (revoked, then active), else a {@code CreateIpAliasCommand} with the active ones; then a
     * {@code DnsMasqConfigCommand} naming the router's guest subnet and every active alias. An empty
     * list sends nothing.
     *
     * @throws org.vrouter.api.error.InvalidParameterException naming {@code aliases[i].network_id}
     *     for an alias of another network
     */
    void applyIpAliases(Network network, List<IpAlias> aliases);

    /**
     * Pushes the profile's password to the password server. With no Running router nothing is
     * sent; the controller keeps the password and it goes out with the VM data at the next router
     * start.
     */
    void savePassword(Network network, VirtualMachineProfile vm, Nic nic);
}
