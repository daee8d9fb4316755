package org.vrouter.api.element;

import java.util.Map;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * An element providing {@code Dhcp}: hands VM NICs their addresses. Follows the
 * {@link NetworkElement} contract (complete or throw; not-handled requests do nothing).
 */
public interface DhcpServiceProvider extends NetworkElement {
    /**
     * Adds or updates the DHCP entry of {@code nic} (a VM starting).
     *
     * @throws org.vrouter.api.error.ResourceUnavailableException when the network has no router to hold the entry
     */
    void addDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /** Serves DHCP on the subnet of {@code nic} too (shared networks with several subnets: IP aliases). */
    void configDhcpSupportForSubnet(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /** Stops serving the subnets whose aliases were revoked. */
    void removeDhcpSupportForSubnet(Network network);

    /** Removes the DHCP entry of {@code nic} (VM expunged or NIC removed). */
    void removeDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm);

    /**
     * Sets extra DHCP options (option code to value) for {@code nic}.
     *
     * @throws UnsupportedOperationException by default: the provider has no extra options
     */
    default void setExtraDhcpOptions(Network network, Nic nic, Map<Integer, String> options) {
        throw new UnsupportedOperationException(provider() + " does not support extra DHCP options");
    }
}
