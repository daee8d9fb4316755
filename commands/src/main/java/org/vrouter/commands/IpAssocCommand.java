package org.vrouter.commands;

import java.util.List;

import org.vrouter.commands.to.IpAddressTO;

/**
 * Adds or removes public (and guest) addresses on an isolated or shared network's router:
 * CloudStack's {@code IpAssocCommand}, {@code Commands} id {@code IPAssocCommand}. On the wire one
 * {@code ip_associations.json} (type {@code ips}) with one {@code ip_address} element per
 * {@link IpAddressTO}.
 *
 * <p>Access details as CloudStack sets them: {@code router.ip}, {@code router.guest.ip},
 * {@code router.name}, {@code zone.network.type} and {@code network.public.last.ip} ({@code true}
 * when no other in-use address remains on the VLAN, so the resource may unplug the NIC).
 */
public record IpAssocCommand(AccessDetails accessDetails, List<IpAddressTO> ipAddresses) implements IpAssociationCommand {
    public IpAssocCommand {
        CommandChecks.requireRouter(accessDetails);
        ipAddresses = CommandChecks.ipAddresses(ipAddresses);
    }

    @Override
    public IpAssocCommand withIpAddresses(List<IpAddressTO> ips) {
        return new IpAssocCommand(accessDetails, ips);
    }
}
