package org.vrouter.commands;

import java.util.List;

import org.vrouter.commands.to.DhcpTO;

/**
 * Tells a router which subnets dnsmasq serves on a shared network with IP aliases: CloudStack's
 * {@code DnsMasqConfigCommand} ({@code Commands} id {@code dnsMasqConfig}). On the wire one
 * {@code dhcp.json} (type {@code dhcpconfig}); CloudStack's router logs and ignores it and renders
 * DHCP from its {@code dhcpentry} bag. Access details as {@link CreateIpAliasCommand}.
 *
 * @param entries the router's guest NIC first, then its active aliases; never empty
 */
public record DnsMasqConfigCommand(AccessDetails accessDetails, List<DhcpTO> entries) implements NetworkElementCommand {
    public DnsMasqConfigCommand {
        CommandChecks.requireRouter(accessDetails);
        entries = CommandChecks.nonEmpty(entries, "entries");
    }
}
