package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;

/**
 * The management side's view: payloads built in Java (constructors, factories, builders) write exactly
 * CloudStack's bytes, the golden files.
 */
class PayloadProducerTest {
    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void writesAnIpAssociation() {
        IpAddressEntry entry = new IpAddressEntry(ip("203.0.113.20"), true, true, false, true, ip("203.0.113.1"),
                Netmask.parse("255.255.255.0"), MacAddress.parse("1E:00:5D:00:00:14"), 2, false, TrafficType.PUBLIC, false,
                Optional.of(1500));
        assertWrites(IpAssociationsPayload.of(List.of(entry)), "ips/public-source-nat");
    }

    @Test
    void writesAGuestNetwork() {
        GuestNetworkPayload payload = GuestNetworkPayload.builder()
                .macAddress(MacAddress.parse("02:00:56:36:00:02")).deviceId(3)
                .routerGuestIp(ip("172.16.1.1"), Netmask.parse("255.255.255.0")).routerGuestGateway(ip("172.16.1.1"))
                .dns("8.8.8.8,8.8.4.4").domainName("vpc1.internal").mtu(1500)
                .build();
        assertWrites(payload, "guestnetwork/vpc-tier");
        assertThat(payload.dnsServers()).containsExactly(ip("8.8.8.8"), ip("8.8.4.4"));
    }

    @Test
    void writesANetworkAcl() {
        CidrList any = CidrList.parse("cidr", "0.0.0.0/0");
        NetworkAclPayload payload = new NetworkAclPayload("eth2", MacAddress.parse("02:00:0d:7b:00:04"), false, ip("172.16.1.1"), "24",
                Optional.empty(),
                List.of(new PortAclRule("tcp", 22, 22, CidrList.of(Cidr.parse("10.0.1.0/24")), true),
                        new IcmpAclRule(-1, -1, any, true),
                        new ProtocolAclRule(41, CidrList.of(Cidr.parse("192.168.5.0/24")), false),
                        new AllAclRule(any, false)),
                List.of(new AllAclRule(any, true)), false);
        assertWrites(payload, "networkacl/tier");
    }

    @Test
    void writesAVmDhcpEntry() {
        DhcpEntryPayload payload = DhcpEntryPayload.builder()
                .hostName("vm-1").macAddress(MacAddress.parse("02:00:4c:5f:00:01")).ipv4Address(ip("10.1.1.23"))
                .ipv6Duid("00:03:00:01:02:00:4c:5f:00:01").dnsAddresses("10.1.1.1").defaultGateway(ip("10.1.1.1"))
                .leaseTime(0)
                .build();
        assertWrites(payload, "dhcpentry/ipv4");
    }

    @Test
    void writesFirewallRules() {
        Cidr guest = Cidr.parse("10.1.1.0/24");
        FirewallRule ingress = FirewallRule.builder().id(17).srcIp(ip("203.0.113.20")).protocol("tcp").srcPortRange(22, 22)
                .sourceCidrList(List.of(Cidr.parse("0.0.0.0/0"))).trafficType(FirewallRule.INGRESS).guestCidr(guest).build();
        FirewallRule egress = FirewallRule.builder().id(18).protocol("all").trafficType(FirewallRule.EGRESS).guestCidr(guest)
                .defaultEgressPolicy(true).build();
        assertWrites(FirewallRulesPayload.of(List.of(ingress, egress)), "firewallrules/ingress-egress");
        assertThat(ingress.ports()).contains(PortRange.of(22));
        assertThat(egress.sourceIp()).isEmpty();
    }

    @Test
    void writesPortForwardingAndOneToOneNat() {
        assertWrites(ForwardingRulesPayload.of(List.of(ForwardingRule.of(false, "tcp", ip("203.0.113.20"), PortRange.of(2222),
                ip("10.1.1.23"), PortRange.of(22)))), "forwardrules/add");
        StaticNatRule oneToOne = StaticNatRule.oneToOne(false, ip("203.0.113.21"), ip("10.1.1.24"));
        StaticNatRule newer = new StaticNatRule(false, oneToOne.protocol(), oneToOne.sourceIpAddress(), oneToOne.sourcePortRange(),
                oneToOne.destinationIpAddress(), Optional.of(false));
        assertWrites(StaticNatRulesPayload.of(List.of(newer)), "staticnatrules/one-to-one");
    }

    @Test
    void writesMonitorServiceWithCloudStacksSpelling() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("gateways", "gatewaysIps=10.1.1.1 ");
        config.put("systemThresholds", "minDiskNeeded=100,maxCpuUsage=100,maxMemoryUsage=100;");
        MonitorServicePayload payload = MonitorServicePayload.builder()
                .config("[ssh]:processname=sshd:servicename=ssh:pidfile=/var/run/sshd.pid:,"
                        + "[dhcp]:processname=dnsmasq:servicename=dnsmasq:pidfile=/var/run/dnsmasq/dnsmasq.pid:,")
                .healthChecksEnabled(true).intervals(3, 10).excludedHealthChecks("").healthChecksConfig(config)
                .build();
        assertWrites(payload, "monitorservice/health-checks");
    }

    @Test
    void writesVmDataAndPassword() {
        VmMetadataPayload metadata = VmMetadataPayload.of(ip("10.1.1.25"), List.of(VmMetadataEntry.metadata("service-offering",
                "tab\there\u0001bell\u001fend \u2028 \u2029 ünïcødé")));
        assertWrites(new VmMetadataPayload(metadata.vmIpAddress(), metadata.vmMetadata(), true), "vmdata/escapes");
        assertWrites(VmPasswordPayload.of(ip("10.1.1.23"), Secret.of("p4ssw0rd")), "vmpassword/password");
    }

    @Test
    void writesVpnPayloads() {
        assertWrites(new RemoteAccessVpnPayload(true, "10.1.2.1-10.1.2.8", Secret.of("s3cretPSK"), ip("203.0.113.20"), ip("10.1.1.1"),
                Cidr.parse("10.1.1.0/24"), "eth2", false), "remoteaccessvpn/create");
        assertWrites(VpnUserListPayload.of(List.of(new VpnUser("bob", Secret.of("pw2"), false), new VpnUser("alice", Secret.of("pw1"), true))),
                "vpnuserlist/users");
        assertWrites(new Site2SiteVpnPayload(ip("203.0.113.30"), Cidr.parse("172.16.0.0/16"), ip("203.0.113.1"), ip("198.51.100.7"),
                CidrList.parse("peer_guest_cidr_list", "10.0.0.0/24,10.0.1.0/24"), "aes128-sha1", "aes128-sha1;modp1536",
                Secret.of("s3cret"), Optional.of("ike"), 86400, 3600, true, false, false, false, Optional.of(false), false),
                "site2sitevpn/peer");
    }

    @Test
    void writesBgpPeers() {
        BgpPeer first = BgpPeer.builder().peer(1, 64496).ip4Address(ip("100.64.0.1")).peerPassword(Secret.of("pw"))
                .network(100, 64512).guestIp4Cidr(Cidr.parse("10.1.1.0/24")).details(Map.of("EBGP_MultiHop", "2")).build();
        BgpPeer second = BgpPeer.builder().peer(2, 4_200_000_000L).ip6Address(ip("2001:db8::1")).network(100, 64512)
                .guestIp4Cidr(Cidr.parse("10.1.1.0/24")).guestIp6Cidr(Cidr.parse("fd00:1:2:3::/64")).build();
        assertWrites(BgpPeersPayload.of(List.of(first, second)), "bgppeers/peers");
    }

    @Test
    void writesBootArgumentsInTheirOrder() {
        Map<String, String> args = new LinkedHashMap<>();
        for (String token : ("template=domP name=r-12-VM type=router eth0ip=10.1.1.1 eth0mask=255.255.255.0 eth1ip=169.254.3.44 "
                + "eth1mask=255.255.0.0 eth2ip=203.0.113.20 eth2mask=255.255.255.0 gateway=203.0.113.1 domain=cs2cloud.internal "
                + "dns1=8.8.8.8 dhcprange=10.1.1.1 cidrsize=24").split(" ")) {
            args.put(token.substring(0, token.indexOf('=')), token.substring(token.indexOf('=') + 1));
        }
        assertWrites(CmdLinePayload.of(args), "cmdline/isolated-router");
    }

    @Test
    void rejectsInvalidValuesWhenBuiltInJava() {
        assertField(() -> new PortAclRule("tcp", 23, 22, CidrList.parse("cidr", "0.0.0.0/0"), true), "last_port");
        assertField(() -> new PortAclRule("tcp", 0, 22, CidrList.parse("cidr", "0.0.0.0/0"), true), "first_port");
        assertField(() -> FirewallRule.builder().id(1).protocol("gre").build(), "protocol");
        assertField(() -> DhcpEntryPayload.builder().hostName("vm-1").macAddress(MacAddress.parse("02:00:4c:5f:00:01")).build(),
                "ipv4_address");
        assertField(() -> new VpnUser("alice smith", Secret.of("pw"), true), "user");
        assertField(() -> new WirePortRange(0, 22), "start_port");
        assertField(() -> VmMetadataEntry.of("userdata", "user-data/../x", null), "file");
        assertField(() -> GuestNetworkPayload.builder().macAddress(MacAddress.parse("02:00:56:36:00:02")).deviceId(3).build(),
                "router_guest_ip");
    }

    private void assertWrites(Payload payload, String golden) {
        assertThat(codec.toJson(payload)).isEqualTo(PayloadGoldenTest.Goldens.read(golden));
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
