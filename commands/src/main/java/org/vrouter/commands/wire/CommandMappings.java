package org.vrouter.commands.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.GetRouterMonitorResultsCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetDnsConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetIpv6FirewallRulesCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.commands.wire.payload.DatabagType;

/**
 * The registry of every command the codec knows, in the order the wire-format documentation lists
 * them. One entry per command class; the payload building lives with its concept
 * ({@link NetworkPayloads}, {@link DhcpPayloads}, {@link VmPayloads}, {@link RulePayloads},
 * {@link AclPayloads}, {@link LoadBalancerPayloads}, {@link VpnPayloads}, {@link MonitorPayloads},
 * {@link RouterQueries}). A test fails when a command class of {@code org.vrouter.commands} has no entry.
 */
final class CommandMappings {
    private static final Map<Class<?>, CommandMapping<?>> BY_CLASS = index(List.of(
            // addresses and interfaces
            CommandMapping.payload(IpAssocCommand.class, DatabagType.IP_ASSOCIATIONS, NetworkPayloads::ipAssociation,
                    "isolated and shared networks; `nic_dev_id` must be filled in by the hypervisor resource"),
            CommandMapping.payload(IpAssocVpcCommand.class, DatabagType.IP_ASSOCIATIONS, NetworkPayloads::ipAssociation,
                    "VPC public and private-gateway addresses (`is_private_gateway`)"),
            CommandMapping.nothing(SetSourceNatCommand.class,
                    "no step: CloudStack's resource answers success `Nothing to do`; the flag travels in `ips`"),
            CommandMapping.payload(SetupGuestNetworkCommand.class, DatabagType.GUEST_NETWORK, NetworkPayloads::guestNetwork,
                    "`cidr`/`cidr6` are prefix lengths as strings, `dns` is `dns1,dns2`"),
            CommandMapping.payload(SetStaticRouteCommand.class, DatabagType.STATIC_ROUTES, NetworkPayloads::staticRoutes, ""),
            // DHCP, DNS and VM data
            CommandMapping.payloads(SetDhcpConfigCommand.class, List.of(DatabagType.VM_DHCP_ENTRY),
                    (command, clock) -> DhcpPayloads.dhcpEntries(command), "one file per entry, in order"),
            CommandMapping.payload(CreateIpAliasCommand.class, DatabagType.IP_ALIASES, DhcpPayloads::ipAliases,
                    "shared networks with several subnets: every alias `revoke: false`"),
            CommandMapping.payload(DeleteIpAliasCommand.class, DatabagType.IP_ALIASES, DhcpPayloads::ipAliases,
                    "removed aliases (`revoke: true`) first, then the remaining ones"),
            CommandMapping.payload(DnsMasqConfigCommand.class, DatabagType.DHCP_CONFIG, DhcpPayloads::dhcpConfig,
                    "router guest NIC first, then active aliases; a stock router ignores it"),
            CommandMapping.payload(SetDnsConfigCommand.class, DatabagType.DNS_CONFIG, DhcpPayloads::dnsConfig,
                    "**vrouter only**: a stock CloudStack router rejects this type"),
            CommandMapping.payload(VmDataCommand.class, DatabagType.VM_METADATA, VmPayloads::vmData, "`[folder, file, contents]` triples"),
            CommandMapping.payload(SavePasswordCommand.class, DatabagType.VM_PASSWORD, VmPayloads::password, ""),
            // rules
            CommandMapping.payload(SetFirewallRulesCommand.class, DatabagType.FIREWALL_RULES, RulePayloads::firewallRules,
                    "egress rules carry `\"src_ip\":\"\"`"),
            CommandMapping.payload(SetIpv6FirewallRulesCommand.class, DatabagType.IPV6_FIREWALL_RULES, RulePayloads::ipv6FirewallRules, ""),
            CommandMapping.payload(SetPortForwardingRulesCommand.class, DatabagType.FORWARDING_RULES, RulePayloads::forwardingRules,
                    "`source_cidr_list` only for VPC routers"),
            CommandMapping.payload(SetStaticNatRulesCommand.class, DatabagType.STATICNAT_RULES, RulePayloads::staticNatRules,
                    "one-to-one: no `protocol`, ports `0:0`"),
            CommandMapping.payload(SetNetworkACLCommand.class, DatabagType.NETWORK_ACL, AclPayloads::networkAcl,
                    "revoked rules left out; no CIDR means `0.0.0.0/0,::/0`"),
            // services
            CommandMapping.payloads(LoadBalancerConfigCommand.class, List.of(DatabagType.LOAD_BALANCER),
                    (command, clock) -> List.of(LoadBalancerPayloads.loadBalancer(command, clock)),
                    "haproxy.cfg rendered on the management side"),
            CommandMapping.payload(RemoteAccessVpnCfgCommand.class, DatabagType.REMOTE_ACCESS_VPN, VpnPayloads::remoteAccess, ""),
            CommandMapping.payload(VpnUsersCfgCommand.class, DatabagType.VPN_USER_LIST, VpnPayloads::users, "removals first"),
            CommandMapping.payload(Site2SiteVpnCfgCommand.class, DatabagType.SITE_2_SITE_VPN, VpnPayloads::siteToSite, ""),
            CommandMapping.payload(SetMonitorServiceCommand.class, DatabagType.MONITOR_SERVICE, MonitorPayloads::monitorService,
                    "`update_config.py <file> false` when deleting from the cache; "
                            + "then `configure.py monitor_service.json` when reconfiguring").withFollowUps(ScriptConfigItem.CONFIGURE),
            // queries
            CommandMapping.query(CheckRouterCommand.class, List.of(RouterQueries.CHECK_ROUTER),
                    command -> List.of(ScriptConfigItem.of(RouterQueries.CHECK_ROUTER)), "output `Status: PRIMARY|BACKUP|FAULT`"),
            CommandMapping.query(GetDomRVersionCommand.class, List.of(RouterQueries.TEMPLATE_VERSION),
                    command -> List.of(ScriptConfigItem.of(RouterQueries.TEMPLATE_VERSION)), "output `<template version>&<scripts version>`"),
            CommandMapping.query(GetRouterMonitorResultsCommand.class,
                    List.of(RouterQueries.FILESYSTEM_WRITABLE_CHECK, RouterQueries.MONITOR_RESULTS), RouterQueries::monitorResults,
                    "`filesystem_writable_check.py`, then (unless basic tests only) `getRouterMonitorResults.sh true|false`"),
            CommandMapping.query(CheckS2SVpnConnectionsCommand.class, List.of(RouterQueries.S2S_VPN_CHECK), RouterQueries::siteToSiteConnections,
                    "one argument per peer; output `<ip>:<code>:<detail>&...`"),
            CommandMapping.query(NetworkUsageCommand.class, List.of(RouterQueries.NETWORK_USAGE, RouterQueries.VPC_NETWORK_USAGE),
                    RouterQueries::networkUsage, "`netusage.sh -c|-g|-r`, VPC `vpc_netusage.sh <flag> -l <public ip> [-v <vpc cidr>]`; "
                            + "output `<sent>:<received>:` per interface"),
            // the resource's own
            CommandMapping.resource(AggregationControlCommand.class,
                    "batch control is handled by the hypervisor resource, not the codec: it queues the commands "
                            + "between Start and Finish and sends `CommandCodec.batch(...)` as one `VR-<uuid>.cfg`")));

    private CommandMappings() {}

    static Optional<CommandMapping<?>> find(Class<?> commandClass) {
        return Optional.ofNullable(BY_CLASS.get(commandClass));
    }

    static List<CommandMapping<?>> all() {
        return List.copyOf(BY_CLASS.values());
    }

    private static Map<Class<?>, CommandMapping<?>> index(List<CommandMapping<?>> mappings) {
        Map<Class<?>, CommandMapping<?>> byClass = new LinkedHashMap<>();
        for (CommandMapping<?> mapping : mappings) {
            if (byClass.put(mapping.commandClass(), mapping) != null) {
                throw new IllegalStateException("two mappings for " + mapping.commandClass().getName());
            }
        }
        return byClass;
    }
}
