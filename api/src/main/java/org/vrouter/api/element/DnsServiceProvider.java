package org.vrouter.api.element;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * An element providing {@code Dns}: resolves VM host names in the network. Where the same element
 * is also the network's DHCP provider these calls have nothing left to do. Follows the
 * {@link NetworkElement} contract.
 */
public interface DnsServiceProvider extends NetworkElement {
    /** Adds or updates the DNS entry of {@code nic}. */
    void addDnsEntry(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /** Serves DNS on the subnet of {@code nic} too. */
    void configDnsSupportForSubnet(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /** Stops serving the subnets whose aliases were revoked. */
    void removeDnsSupportForSubnet(Network network);

    /** Removes the DNS entry of {@code nic}. Default: nothing to do (the DHCP entry's removal covers it). */
    default void removeDnsEntry(Network network, Nic nic, VirtualMachineProfile vm) {
    }
}
