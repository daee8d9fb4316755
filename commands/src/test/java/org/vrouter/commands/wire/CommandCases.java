package org.vrouter.commands.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.GetRouterMonitorResultsCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetDnsConfigCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.DhcpTO;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.IpAliasTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.StaticRouteTO;

/**
 * The golden cases of the command codec, by name (= directory under {@code golden/commands/}): every
 * mapped command class with its edge cases. Network, DHCP/DNS and query commands are built here; rule,
 * VM and service commands in {@link RuleCommandCases} and {@link ServiceCommandCases}.
 */
final class CommandCases {
    static final IpAddress CONTROL_IP = ip("169.254.3.44");
    static final MacAddress PUBLIC_MAC = MacAddress.parse("1e:00:5d:00:00:14");

    private CommandCases() {}

    static Map<String, NetworkElementCommand> all() {
        Map<String, NetworkElementCommand> cases = new LinkedHashMap<>();
        cases.put("ip-assoc-source-nat", new IpAssocCommand(router().put(AccessDetails.NETWORK_PUB_LAST_IP, "false").build(),
                List.of(publicIp("203.0.113.20").sourceNat(true).firstIp(true).build(), publicIp("203.0.113.21").oneToOneNat(true).build())));
        cases.put("ip-assoc-removal", new IpAssocCommand(router().put(AccessDetails.NETWORK_PUB_LAST_IP, "true").build(),
                List.of(publicIp("203.0.113.21").add(false).firstIp(true).build())));
        cases.put("ip-assoc-vpc-private-gateway", new IpAssocVpcCommand(router().build(), List.of(
                IpAddressTO.builder(ip("10.0.1.1"), TrafficType.PUBLIC).vlan(BroadcastUri.vlan(300), ip("10.0.1.254"), Netmask.parse("255.255.255.0"))
                        .vifMacAddress(MacAddress.parse("02:00:3e:11:00:09")).nicDeviceId(3).firstIp(true).privateGateway(true).mtu(1500).build())));
        cases.put("set-source-nat", new SetSourceNatCommand(router().build(), publicIp("203.0.113.30").sourceNat(true).firstIp(true).build(), true));
        cases.put("guest-network-vpc-tier", SetupGuestNetworkCommand.builder(router().build(), tierNic())
                .dhcpRange(ip("172.16.1.2")).networkDomain("vpc1.internal").dns(ip("8.8.8.8"), ip("8.8.4.4")).vrGuestGateway(true).build());
        cases.put("guest-network-dual-stack", SetupGuestNetworkCommand.builder(router().build(), dualStackNic())
                .networkDomain("vpc1.internal").dns(ip("8.8.8.8")).ip6Dns(ip("2001:db8::53"), ip("2001:db8::54"))
                .routerIp6(ip("2001:db8:100::10"), ip("2001:db8:100::1"), Cidr.parse("2001:db8:100::/64")).vrGuestGateway(true).build());
        cases.put("guest-network-remove", SetupGuestNetworkCommand.builder(router().build(), tierNic()).add(false).build());
        cases.put("static-routes", new SetStaticRouteCommand(router().build(), List.of(
                StaticRouteTO.of(Cidr.parse("192.168.50.7/24"), ip("10.0.1.254"), ip("10.0.1.1")),
                StaticRouteTO.of(Cidr.parse("192.168.60.0/24"), ip("10.0.1.254"), ip("10.0.1.1")).revoked())));
        cases.put("dhcp-several-entries", new SetDhcpConfigCommand(router().routerGuestIp(ip("10.1.1.1")).build(), List.of(
                DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:01"), "vm-1").ipv4(ip("10.1.1.23"))
                        .dns(ip("10.1.1.1")).defaultGateway(ip("10.1.1.1")).build(),
                DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:02"), "vm-2").ipv4(ip("10.1.1.24")).ipv6(ip("fd00:1:1::24"))
                        .dns(ip("10.1.1.1")).dns(ip("8.8.8.8")).defaultGateway(ip("10.1.1.1")).ipv6Gateway(ip("fd00:1:1::1"))
                        .staticRoutes("10.9.0.0/16,10.1.1.1").leaseTimeSeconds(86400).build(),
                DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:03"), "vm-3").ipv4(ip("10.1.1.25")).defaultEntry(false).remove(true).build()),
                true));
        cases.put("dns-config", new SetDnsConfigCommand(router().build(), Optional.of("cs2cloud.internal"),
                List.of(ip("8.8.8.8"), ip("2001:4860:4860::8888")),
                Map.of("www", List.of(ip("10.1.1.6")), "DB", List.of(ip("10.1.1.5"), ip("fd00:1:1::5")))));
        cases.put("dns-config-empty", new SetDnsConfigCommand(router().build(), Optional.empty(), List.of(), Map.of()));
        cases.putAll(RuleCommandCases.all());
        cases.putAll(ServiceCommandCases.all());
        cases.put("check-router", new CheckRouterCommand(router().build()));
        cases.put("domr-version", new GetDomRVersionCommand(router().build()));
        cases.put("monitor-results-fresh", new GetRouterMonitorResultsCommand(router().build(), true, false));
        cases.put("monitor-results-basic-only", new GetRouterMonitorResultsCommand(router().build(), false, true));
        cases.put("s2s-vpn-connections", new CheckS2SVpnConnectionsCommand(router().build(),
                List.of(ip("198.51.100.7"), ip("2001:db8:77::1"), ip("198.51.100.7"))));
        cases.put("ip-alias-create", new CreateIpAliasCommand(router().routerGuestIp(ip("10.1.1.1")).build(), List.of(
                new IpAliasTO(ip("10.1.2.1"), Netmask.parse("255.255.255.0"), 1), new IpAliasTO(ip("10.1.3.1"), Netmask.parse("255.255.255.0"), 2))));
        cases.put("ip-alias-delete", new DeleteIpAliasCommand(router().routerGuestIp(ip("10.1.1.1")).build(),
                List.of(new IpAliasTO(ip("10.1.2.1"), Netmask.parse("255.255.255.0"), 1)),
                List.of(new IpAliasTO(ip("10.1.3.1"), Netmask.parse("255.255.255.0"), 2))));
        cases.put("dnsmasq-config", new DnsMasqConfigCommand(router().routerGuestIp(ip("10.1.1.1")).build(), List.of(
                DhcpTO.of(ip("10.1.1.1"), ip("10.1.1.1"), Cidr.parse("10.1.1.0/24")),
                DhcpTO.of(ip("10.1.2.1"), ip("10.1.2.254"), Cidr.parse("10.1.2.0/24")))));
        cases.put("network-usage-get", NetworkUsageCommand.of(router().build(), NetworkUsageCommand.Option.GET));
        cases.put("network-usage-vpc-create", NetworkUsageCommand.forVpc(router().build(), NetworkUsageCommand.Option.CREATE,
                ip("203.0.113.30"), Cidr.parse("172.16.0.0/16")));
        return cases;
    }

    /** The routing envelope every case starts from: control IP, router name, zone type. */
    static AccessDetails.Builder router() {
        return AccessDetails.builder().routerIp(CONTROL_IP).routerName("r-12-VM").zoneNetworkType(NetworkType.ADVANCED);
    }

    /** A public address on VLAN 100 (203.0.113.0/24), router NIC eth2, as the resource leaves it. */
    static IpAddressTO.Builder publicIp(String address) {
        return IpAddressTO.builder(ip(address), TrafficType.PUBLIC).accountId(2)
                .vlan(BroadcastUri.vlan(100), ip("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(PUBLIC_MAC).networkRateMbps(200).networkName("cloudbr0").nicDeviceId(2).mtu(1500);
    }

    /** The router's NIC in tier 172.16.1.0/24 on VLAN 200, eth3. */
    static NicTO tierNic() {
        return NicTO.builder(3, MacAddress.parse("02:00:56:36:00:02"), TrafficType.GUEST)
                .ipv4(ip("172.16.1.1"), Netmask.parse("255.255.255.0"), ip("172.16.1.1"))
                .broadcastUri(BroadcastUri.vlan(200)).mtu(1500).build();
    }

    private static NicTO dualStackNic() {
        return NicTO.builder(4, MacAddress.parse("02:00:56:36:00:07"), TrafficType.GUEST)
                .ipv4(ip("172.16.2.1"), Netmask.parse("255.255.255.0"), ip("172.16.2.1"))
                .ipv6(ip("fd00:1:2:3::1"), ip("fd00:1:2:3::1"), Cidr.parse("fd00:1:2:3::/64"))
                .broadcastUri(BroadcastUri.vlan(201)).mtu(1450).build();
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
