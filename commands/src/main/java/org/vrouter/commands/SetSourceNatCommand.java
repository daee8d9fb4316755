package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.to.IpAddressTO;

/**
 * Names a VPC router's source-NAT address: CloudStack's {@code SetSourceNatCommand}, sent after the
 * VPC's public {@link IpAssocVpcCommand}s with {@code Commands} id {@code SetSourceNatCommand}.
 *
 * <p><b>Nothing goes on the wire:</b> CloudStack's resource answers success with details
 * {@code Nothing to do} without touching the router, because the source-NAT flag already travels in
 * the IP association. It exists so the sequence of commands matches CloudStack's.
 *
 * @param ipAddress the source-NAT address; its {@code source_nat} flag must be set
 */
public record SetSourceNatCommand(AccessDetails accessDetails, IpAddressTO ipAddress, boolean add) implements NetworkElementCommand {
    public SetSourceNatCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(ipAddress, "ipAddress is null");
        if (!ipAddress.sourceNat()) {
            throw new InvalidParameterException("ip_address.source_nat", "the address of a SetSourceNatCommand must be the source-NAT address", ipAddress.publicIp());
        }
    }
}
