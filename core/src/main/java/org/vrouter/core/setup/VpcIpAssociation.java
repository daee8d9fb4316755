package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SetSourceNatCommand;

/**
 * The commands CloudStack's {@code createVpcAssociatePublicIPCommands} produces: one
 * {@link IpAssocVpcCommand} per public VLAN, then one {@link SetSourceNatCommand} when the source
 * NAT address is among the addresses (the router ignores it; it is sent to keep CloudStack's
 * sequence).
 */
public record VpcIpAssociation(List<IpAssocVpcCommand> associations, Optional<SetSourceNatCommand> sourceNat) {
    public VpcIpAssociation {
        associations = List.copyOf(associations);
        requireNonNull(sourceNat, "sourceNat is null");
    }

    /** The commands in the order they are sent: associations, then source NAT. */
    public List<NetworkElementCommand> commands() {
        List<NetworkElementCommand> commands = new ArrayList<>(associations);
        sourceNat.ifPresent(commands::add);
        return List.copyOf(commands);
    }
}
