package org.vrouter.commands.setup;

import java.util.List;
import java.util.Map;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.NetworkElementCommand;

/**
 * Builds the commands that tell a router about the VMs of a network: DHCP entries and user data,
 * metadata and passwords (CloudStack's {@code createDhcpEntryCommandsForVMs} and
 * {@code createVmDataCommandForVMs}). {@code core} implements it; guru's {@code StartCommandPlanner}
 * decides when each is sent. Same contract as {@link NetworkCommandFactory}: {@code vms} is never
 * empty and every VM has a NIC in {@code network}; the result lists the commands in order.
 */
public interface VmCommandFactory {
    /** The VMs' DHCP (and DNS host) entries. */
    List<NetworkElementCommand> dhcpEntries(DomainRouter router, Network network, List<VirtualMachineProfile> vms);

    /** The VMs' user data, metadata and, where one is pending, password. */
    List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> vms);

    /**
     * As {@link #vmData(DomainRouter, Network, List)}, knowing the network's active static NATs, so a
     * static-NATed VM's {@code public-ipv4} is its own public address (CloudStack: the static-NAT IP
     * if allocated, else the router's). Default: the variant without them.
     *
     * @param staticNatIps VM address to the public address static-NATed to it
     */
    default List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> vms,
            Map<IpAddress, IpAddress> staticNatIps) {
        return vmData(router, network, vms);
    }
}
