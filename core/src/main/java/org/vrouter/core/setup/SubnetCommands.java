package org.vrouter.core.setup;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.to.DhcpTO;
import org.vrouter.commands.to.IpAliasTO;

/**
 * The IP-alias commands of a shared network with several subnets (CloudStack's {@code createIpAlias},
 * {@code createDeleteIpAliasCommand}, {@code configDnsMasq}): envelope IP, NAME, GUEST_IP, ZONE.
 * Stateless.
 */
final class SubnetCommands {
    private SubnetCommands() {}

    /**
     * With revoked aliases: {@code DeleteIpAliasCommand(revoked, active)}; else
     * {@code CreateIpAliasCommand(active)}; then {@code DnsMasqConfigCommand} with the router's guest
     * subnet first and each active alias.
     *
     * @throws InvalidParameterException naming {@code aliases[i].network_id} for another network's
     *     alias, or {@code aliases} when the list is empty
     */
    static List<NetworkElementCommand> aliases(DomainRouter router, Network network, List<IpAlias> aliases) {
        if (aliases.isEmpty()) {
            throw new InvalidParameterException("aliases", "is empty: there is nothing to configure");
        }
        for (int i = 0; i < aliases.size(); i++) {
            if (aliases.get(i).networkId() != network.id()) {
                throw new InvalidParameterException("aliases[" + i + "].network_id", "belongs to another network than " + network.id(),
                        aliases.get(i).networkId());
            }
        }
        List<IpAliasTO> active = aliases.stream().filter(alias -> !alias.revoked()).map(SubnetCommands::alias).toList();
        List<IpAliasTO> revoked = aliases.stream().filter(IpAlias::revoked).map(SubnetCommands::alias).toList();
        List<NetworkElementCommand> commands = new ArrayList<>(2);
        if (!revoked.isEmpty()) {
            commands.add(new DeleteIpAliasCommand(Envelope.inNetwork(router, network).build(), revoked, active));
        }
        else {
            commands.add(new CreateIpAliasCommand(Envelope.inNetwork(router, network).build(), active));
        }
        commands.add(dnsMasqConfig(router, network, aliases.stream().filter(alias -> !alias.revoked()).toList()));
        return List.copyOf(commands);
    }

    /** The subnets dnsmasq serves: the router's guest subnet, then each active alias's. */
    static DnsMasqConfigCommand dnsMasqConfig(DomainRouter router, Network network, List<IpAlias> active) {
        IpAddress guestIp = Envelope.requireGuestIp(router, network);
        Cidr cidr = network.cidr().orElseThrow(() -> new InvalidParameterException("cidr", "is missing: network " + network.id()
                + " has no IPv4 subnet to serve DHCP on"));
        List<DhcpTO> entries = new ArrayList<>();
        entries.add(DhcpTO.of(guestIp, network.gateway().orElse(guestIp), cidr.network()));
        active.forEach(alias -> entries.add(DhcpTO.of(alias.ipAddress(), alias.gateway(), alias.subnet())));
        return new DnsMasqConfigCommand(Envelope.inNetwork(router, network).build(), entries);
    }

    private static IpAliasTO alias(IpAlias alias) {
        return new IpAliasTO(alias.ipAddress(), alias.subnet().netmask(), alias.aliasCount());
    }
}
