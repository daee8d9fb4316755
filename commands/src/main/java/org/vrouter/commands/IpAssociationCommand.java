package org.vrouter.commands;

import java.util.List;

import org.vrouter.commands.to.IpAddressTO;

/**
 * An IP association: addresses to add to or remove from the router's interfaces, one
 * {@code ip_associations.json} on the wire (type {@code ips}). The two CloudStack classes differ
 * only in who sends them: {@link IpAssocCommand} for isolated and shared networks,
 * {@link IpAssocVpcCommand} for VPC routers (public and private-gateway addresses).
 *
 * <p>The hypervisor resource fills in each address's NIC device id before the command reaches the
 * router; {@link #withIpAddresses(List)} gives it the copy to do so.
 */
public sealed interface IpAssociationCommand extends NetworkElementCommand permits IpAssocCommand, IpAssocVpcCommand {
    /** The addresses in CloudStack's order: grouped by VLAN, source NAT first within a VLAN. Never empty. */
    List<IpAddressTO> ipAddresses();

    /** The same command with {@code ipAddresses} (for example with NIC device ids filled in). */
    IpAssociationCommand withIpAddresses(List<IpAddressTO> ipAddresses);
}
