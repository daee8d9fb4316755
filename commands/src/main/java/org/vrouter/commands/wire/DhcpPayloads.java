package org.vrouter.commands.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetDnsConfigCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.IpAliasTO;
import org.vrouter.commands.wire.payload.DhcpConfigEntry;
import org.vrouter.commands.wire.payload.DhcpConfigPayload;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.DnsConfigPayload;
import org.vrouter.commands.wire.payload.DnsHostRecord;
import org.vrouter.commands.wire.payload.IpAlias;
import org.vrouter.commands.wire.payload.IpAliasesPayload;
import org.vrouter.commands.wire.payload.Payload;

/**
 * Payloads of the DHCP and DNS commands: one {@code dhcpentry} per VM NIC entry (CloudStack sends one
 * {@code DhcpEntryCommand} per NIC), and vrouter's own {@code dnsconfig}.
 */
final class DhcpPayloads {
    private DhcpPayloads() {}

    /**
     * One {@code vm_dhcp_entry.json} per entry, in order: {@code dns_addresses} is the DNS servers joined
     * by commas, {@code default_gateway} the default router, {@code ipv6_duid} always sent (CloudStack
     * derives it from the MAC even without IPv6), {@code lease_time} always sent. The IPv6 gateway is not
     * on the wire (CloudStack's converter drops it too).
     */
    static List<Payload> dhcpEntries(SetDhcpConfigCommand command) {
        return PayloadElements.map("entries", command.entries(), DhcpPayloads::dhcpEntry);
    }

    private static Payload dhcpEntry(DhcpEntryTO entry) {
        DhcpEntryPayload.Builder payload = DhcpEntryPayload.builder()
                .hostName(entry.hostName())
                .macAddress(entry.macAddress())
                .ipv6Duid(entry.ipv6Duid())
                .defaultEntry(entry.defaultEntry())
                .leaseTime(entry.leaseTimeSeconds())
                .remove(entry.remove());
        entry.ipv4Address().ifPresent(payload::ipv4Address);
        entry.ipv6Address().ifPresent(ip -> payload.ipv6Address(ip, entry.ipv6Duid()));
        if (!entry.dnsAddresses().isEmpty()) {
            payload.dnsAddresses(entry.dnsAddresses().stream().map(IpAddress::value).collect(Collectors.joining(",")));
        }
        entry.defaultGateway().ifPresent(payload::defaultGateway);
        entry.staticRoutes().ifPresent(payload::staticRoutes);
        return payload.build();
    }

    /** {@code dns_config.json}, vrouter's extension: domain, forwarders, host records sorted by name. */
    static DnsConfigPayload dnsConfig(SetDnsConfigCommand command) {
        List<DnsHostRecord> records = command.hostRecords().entrySet().stream()
                .map(entry -> new DnsHostRecord(entry.getKey(), entry.getValue()))
                .toList();
        return DnsConfigPayload.of(command.domain(), command.forwarders(), records);
    }
    /** {@code ip_aliases.json}: every alias added ({@code revoke: false}). */
    static Payload ipAliases(CreateIpAliasCommand command) {
        return IpAliasesPayload.of(command.aliases().stream().map(alias -> ipAlias(alias, false)).toList());
    }

    /** {@code ip_aliases.json}: the removed aliases ({@code revoke: true}), then the ones that stay. */
    static Payload ipAliases(DeleteIpAliasCommand command) {
        List<IpAlias> aliases = new ArrayList<>();
        command.deleteAliases().forEach(alias -> aliases.add(ipAlias(alias, true)));
        command.createAliases().forEach(alias -> aliases.add(ipAlias(alias, false)));
        return IpAliasesPayload.of(aliases);
    }

    private static IpAlias ipAlias(IpAliasTO alias, boolean revoke) {
        return new IpAlias(revoke, alias.ipAddress(), alias.netmask(), alias.aliasCount());
    }

    /** {@code dhcp.json}: one entry per subnet, the router's guest NIC first. */
    static Payload dhcpConfig(DnsMasqConfigCommand command) {
        return DhcpConfigPayload.of(command.entries().stream()
                .map(entry -> new DhcpConfigEntry(entry.routerIp(), entry.gateway(), entry.netmask(), entry.firstIpOfSubnet()))
                .toList());
    }
}
