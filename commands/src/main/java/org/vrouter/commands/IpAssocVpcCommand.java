package org.vrouter.commands;

import java.util.List;

import org.vrouter.commands.to.IpAddressTO;

/**
 * Adds or removes addresses on a VPC router: public addresses (one command per VLAN, followed by a
 * {@link SetSourceNatCommand}) and private-gateway addresses. CloudStack's {@code IpAssocVpcCommand},
 * {@code Commands} id {@code IPAssocVpcCommand}; on the wire the same {@code ip_associations.json}
 * (type {@code ips}) as {@link IpAssocCommand}. Private-gateway addresses carry
 * {@code is_private_gateway = true} and traffic type Public.
 */
public record IpAssocVpcCommand(AccessDetails accessDetails, List<IpAddressTO> ipAddresses) implements IpAssociationCommand {
    public IpAssocVpcCommand {
        CommandChecks.requireRouter(accessDetails);
        ipAddresses = CommandChecks.ipAddresses(ipAddresses);
    }

    @Override
    public IpAssocVpcCommand withIpAddresses(List<IpAddressTO> ips) {
        return new IpAssocVpcCommand(accessDetails, ips);
    }
}
