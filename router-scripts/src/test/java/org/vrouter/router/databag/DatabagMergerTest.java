package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;

/** The merge rules, one behaviour each; the golden cases cover the full bag files. */
class DatabagMergerTest {
    private static final String IP_FLAGS = "\"one_to_one_nat\":false,\"first_i_p\":false,\"new_nic\":false,\"is_private_gateway\":false";
    private static final String FIREWALL = "\"protocol\":\"tcp\",\"src_port_range\":[22,22],\"already_added\":false,"
            + "\"dest_cidr_list\":[],\"purpose\":\"Firewall\",\"traffic_type\":\"Ingress\",\"default_egress_policy\":false";

    private final PayloadCodec codec = new PayloadCodec();

    private Databags merge(Databags bags, String json) {
        return DatabagMerger.merge(bags, codec.parse(json), InterfaceMacs.none());
    }

    private Databags merge(String... jsons) {
        Databags bags = Databags.empty();
        for (String json : jsons) {
            bags = merge(bags, json);
        }
        return bags;
    }

    private static String address(String ip, boolean sourceNat, boolean add, int device, String mac) {
        return "{\"public_ip\":\"" + ip + "\",\"source_nat\":" + sourceNat + ",\"add\":" + add + "," + IP_FLAGS
                + ",\"gateway\":\"203.0.113.1\",\"netmask\":\"255.255.255.0\",\"vif_mac_address\":\"" + mac + "\",\"nic_dev_id\":" + device
                + ",\"nw_type\":\"Public\"}";
    }

    private static String ips(String... addresses) {
        return "{\"ip_address\":[" + String.join(",", addresses) + "],\"type\":\"ips\",\"delete_from_processed_cache\":false}";
    }

    private static String firewallRule(long id, String source, boolean revoked) {
        return "{\"rules\":[{\"id\":" + id + ",\"src_ip\":\"203.0.113.20\"," + FIREWALL + ",\"revoked\":" + revoked
                + ",\"source_cidr_list\":[\"" + source + "\"]}],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}";
    }

    @Test
    void aRebootKeepsTheSourceNatOfABootAddress() {
        String cmdLine = "{\"type\":\"cmdline\",\"cmd_line\":{\"name\":\"r-12-VM\",\"type\":\"router\",\"eth2ip\":\"203.0.113.20\","
                + "\"eth2mask\":\"255.255.255.0\",\"gateway\":\"203.0.113.1\"}}";
        Databags associated = merge(cmdLine, ips(address("203.0.113.20", true, true, 2, "1e:00:5d:00:00:14")));

        Databags rebooted = merge(associated, cmdLine);

        assertThat(rebooted.ips()).isEqualTo(associated.ips());
        assertThat(rebooted.ips().entries("eth2")).singleElement().satisfies(entry -> assertThat(entry.sourceNat()).isTrue());
    }

    @Test
    void appliesAnUpdatedFirewallRule() {
        Databags bags = merge(firewallRule(17, "0.0.0.0/0", false), firewallRule(17, "198.51.100.0/24", false));

        assertThat(bags.firewallRules().get(17).orElseThrow().sourceCidrList()).hasToString("[198.51.100.0/24]");
    }

    @Test
    void deletesARevokedFirewallRule() {
        Databags bags = merge(firewallRule(17, "0.0.0.0/0", false), firewallRule(17, "0.0.0.0/0", true));

        assertThat(bags.firewallRules().isEmpty()).isTrue();
    }

    @Test
    void appliesAChangedVpnUserPassword() {
        Databags bags = merge(
                "{\"vpn_users\":[{\"user\":\"alice\",\"password\":\"old\",\"add\":true}],\"type\":\"vpnuserlist\",\"delete_from_processed_cache\":false}",
                "{\"vpn_users\":[{\"user\":\"alice\",\"password\":\"new\",\"add\":true}],\"type\":\"vpnuserlist\",\"delete_from_processed_cache\":false}");

        assertThat(bags.vpnUserList().get("alice").orElseThrow().password()).isEqualTo(Secret.of("new"));
    }

    @Test
    void deletesARemovedVpnUserInsteadOfMarkingIt() {
        Databags bags = merge(
                "{\"vpn_users\":[{\"user\":\"alice\",\"password\":\"pw\",\"add\":true}],\"type\":\"vpnuserlist\",\"delete_from_processed_cache\":false}",
                "{\"vpn_users\":[{\"user\":\"alice\",\"password\":\"pw\",\"add\":false}],\"type\":\"vpnuserlist\",\"delete_from_processed_cache\":false}");

        assertThat(bags.vpnUserList().users()).isEmpty();
    }

    @Test
    void keepsOneGuestNetworkPerDevice() {
        String network = "{\"add\":true,\"mac_address\":\"02:00:56:36:00:02\",\"device\":\"eth3\",\"router_guest_ip\":\"172.16.1.1\","
                + "\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"172.16.1.1\",\"cidr\":\"24\",\"mtu\":%d,"
                + "\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}";

        Databags bags = merge(String.format(network, 1500), String.format(network, 9000));

        assertThat(bags.guestNetwork().devices()).containsOnlyKeys("eth3");
        assertThat(bags.guestNetwork().get("eth3").orElseThrow().mtu()).contains(9000);
        assertThat(bags.guestNetwork().get("eth3").orElseThrow().domainName()).contains("cloudnine.internal");
        assertThat(bags.ips().entries("eth3")).hasSize(1);
    }

    @Test
    void staticNatAndPortForwardsOnOneAddressDoNotClobberEachOther() {
        String forward = "{\"rules\":[{\"revoke\":%s,\"protocol\":\"tcp\",\"source_ip_address\":\"203.0.113.21\",\"source_port_range\":\"2222:2222\","
                + "\"destination_ip_address\":\"10.1.1.23\",\"destination_port_range\":\"22:22\"}],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";
        String nat = "{\"rules\":[{\"revoke\":%s,\"source_ip_address\":\"203.0.113.21\",\"source_port_range\":\"0:0\","
                + "\"destination_ip_address\":\"10.1.1.24\"}],\"type\":\"staticnatrules\",\"delete_from_processed_cache\":false}";
        IpAddress publicIp = IpAddress.parse("203.0.113.21");

        Databags both = merge(String.format(forward, false), String.format(nat, false));
        assertThat(both.forwardingRules().portForwards()).hasSize(1);
        assertThat(both.forwardingRules().staticNats()).hasSize(1);

        Databags natRevoked = merge(both, String.format(nat, true));
        assertThat(natRevoked.forwardingRules().get(publicIp)).containsExactlyElementsOf(both.forwardingRules().portForwards());

        Databags forwardRevoked = merge(both, String.format(forward, true));
        assertThat(forwardRevoked.forwardingRules().get(publicIp)).containsExactlyElementsOf(both.forwardingRules().staticNats());
        assertThat(merge(forwardRevoked, String.format(nat, true)).forwardingRules().isEmpty()).isTrue();
    }

    private static String dhcp(String host, String mac, String ip, boolean remove) {
        return "{\"host_name\":\"" + host + "\",\"mac_address\":\"" + mac + "\",\"ipv4_address\":\"" + ip + "\",\"default_entry\":true,"
                + "\"remove\":" + remove + ",\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";
    }

    @Test
    void dhcpEntriesMergedInOnePassEqualEachMergedInTurn() {
        Databags start = merge(dhcp("vm-1", "02:00:00:00:00:01", "10.1.1.1", false), dhcp("vm-2", "02:00:00:00:00:02", "10.1.1.2", false),
                dhcp("vm-3", "02:00:00:00:00:03", "10.1.1.3", false));
        List<String> batch = List.of(
                dhcp("vm-4", "02:00:00:00:00:04", "10.1.1.4", false),
                dhcp("vm-1b", "02:00:00:00:00:01", "10.1.1.11", false),   // a NIC moves to another address
                dhcp("vm-2b", "02:00:00:00:00:22", "10.1.1.2", false),    // another NIC takes an address
                dhcp("vm-3", "02:00:00:00:00:03", "10.1.1.3", true),      // removed
                dhcp("vm-5", "02:00:00:00:00:05", "10.1.1.5", false),
                dhcp("vm-5b", "02:00:00:00:00:05", "10.1.1.5", false),    // the same NIC again
                dhcp("vm-2", "02:00:00:00:00:02", "10.1.1.12", false),    // the NIC that lost its address comes back elsewhere
                dhcp("vm-6", "02:00:00:00:00:22", "10.1.1.6", true));     // removing by MAC drops vm-2b

        Databags inTurn = start;
        for (String entry : batch) {
            inTurn = merge(inTurn, entry);
        }
        Databags onePass = DatabagMerger.mergeDhcpEntries(start, batch.stream().map(json -> codec.parse(json, DhcpEntryPayload.class)).toList());

        assertThat(onePass).isEqualTo(inTurn);
        assertThat(onePass.dhcpEntry().entries().keySet()).extracting(IpAddress::value)
                .containsExactly("10.1.1.4", "10.1.1.5", "10.1.1.11", "10.1.1.12");
        // a short run takes the scanning path
        Databags firstThree = start;
        for (String entry : batch.subList(0, 3)) {
            firstThree = merge(firstThree, entry);
        }
        assertThat(DatabagMerger.mergeDhcpEntries(start, batch.subList(0, 3).stream().map(json -> codec.parse(json, DhcpEntryPayload.class))
                .toList())).isEqualTo(firstThree);
    }

    @Test
    void portForwardsOfOneFileReplaceAppendAndRevokeInOrder() {
        String rule = "{\"revoke\":%s,\"protocol\":\"%s\",\"source_ip_address\":\"203.0.113.21\",\"source_port_range\":\"%d:%d\","
                + "\"destination_ip_address\":\"%s\",\"destination_port_range\":\"22:22\"}";
        List<String> rules = List.of(String.format(rule, false, "tcp", 2222, 2222, "10.1.1.1"), String.format(rule, false, "udp", 2222, 2222, "10.1.1.2"),
                String.format(rule, false, "tcp", 2223, 2223, "10.1.1.3"), String.format(rule, false, "tcp", 2222, 2222, "10.1.1.4"),
                String.format(rule, true, "udp", 2222, 2222, "10.1.1.2"), String.format(rule, false, "tcp", 2224, 2224, "10.1.1.5"),
                String.format(rule, false, "tcp", 2223, 2223, "10.1.1.6"));

        Databags oneFile = merge("{\"rules\":[" + String.join(",", rules) + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}");
        Databags fileByFile = merge(rules.stream()
                .map(single -> "{\"rules\":[" + single + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}")
                .toArray(String[]::new));

        assertThat(oneFile).isEqualTo(fileByFile);
        assertThat(oneFile.forwardingRules().portForwards()).extracting(forward -> forward.internalIp().value() + ":" + forward.publicPorts())
                .containsExactly("10.1.1.4:2222", "10.1.1.6:2223", "10.1.1.5:2224");
    }

    @Test
    void removedAddressesAreDeletedNotKeptAsTombstones() {
        Databags bags = merge(ips(address("203.0.113.20", true, true, 2, "1e:00:5d:00:00:14")),
                ips(address("203.0.113.20", true, false, 2, "1e:00:5d:00:00:14")));

        assertThat(bags.ips().isEmpty()).isTrue();
    }

    @Test
    void removedDhcpEntryIsDeletedNotKept() {
        String entry = "{\"host_name\":\"vm-1\",\"mac_address\":\"02:00:4c:5f:00:01\",\"ipv4_address\":\"10.1.1.23\",\"default_entry\":true,"
                + "\"remove\":%s,\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";

        assertThat(merge(String.format(entry, false), String.format(entry, true)).dhcpEntry().isEmpty()).isTrue();
        assertThat(merge(String.format(entry, true)).dhcpEntry().isEmpty()).isTrue();
    }

    @Test
    void placesAnAddressOnTheInterfaceWithItsMacAddress() {
        InterfaceMacs macs = new InterfaceMacs(Map.of(MacAddress.parse("1e:00:5d:00:00:14"), "eth5"));

        Databags bags = DatabagMerger.merge(Databags.empty(), codec.parse(ips(address("203.0.113.20", true, true, 2, "1e:00:5d:00:00:14"))), macs);

        IpEntry entry = bags.ips().entries("eth5").get(0);
        assertThat(entry.device()).isEqualTo("eth5");
        assertThat(entry.nicDevId()).isEqualTo(2);
    }

    @Test
    void aResentAddressKeepsItsPlace() {
        String a = address("203.0.113.20", true, true, 2, "1e:00:5d:00:00:14");
        String b = address("203.0.113.21", false, true, 2, "1e:00:5d:00:00:14");
        String c = address("203.0.113.22", false, true, 2, "1e:00:5d:00:00:14");
        Databags bags = merge(ips(a, b, c));

        assertThat(merge(bags, ips(b))).isEqualTo(bags);
        assertThat(bags.ips().entries("eth2")).extracting(entry -> entry.publicIp().value())
                .containsExactly("203.0.113.20", "203.0.113.21", "203.0.113.22");
    }

    @Test
    void derivesCidrFromTheHostAddress() {
        IpEntry entry = merge(ips(address("203.0.113.20", true, true, 2, "1e:00:5d:00:00:14"))).ips().entries("eth2").get(0);

        assertThat(entry.cidr()).hasToString("203.0.113.20/24");
        assertThat(entry.network()).hasToString("203.0.113.0/24");
        assertThat(entry.broadcast()).hasToString("203.0.113.255");
        assertThat(entry.size()).isEqualTo("24");
    }

    @Test
    void rejectsIpAliasesOnARouterWithoutAGuestAddress() {
        Payload aliases = codec.parse("{\"aliases\":[{\"revoke\":false,\"ip_address\":\"10.1.5.50\",\"netmask\":\"255.255.255.0\",\"count\":1}],"
                + "\"type\":\"ipaliases\",\"delete_from_processed_cache\":false}");

        assertThatThrownBy(() -> DatabagMerger.merge(Databags.empty(), aliases, InterfaceMacs.none()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("aliases"));
    }

    @Test
    void rejectsABootAddressWithoutItsNetmask() {
        Payload cmdLine = codec.parse("{\"type\":\"cmdline\",\"cmd_line\":{\"type\":\"router\",\"eth0ip\":\"10.1.1.1\"}}");

        assertThatThrownBy(() -> DatabagMerger.merge(Databags.empty(), cmdLine, InterfaceMacs.none()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("cmd_line.eth0mask"));
    }

    @Test
    void normalisesRedundantRouter() {
        assertThat(merge("{\"type\":\"cmdline\",\"cmd_line\":{\"type\":\"router\",\"redundant_router\":\"1\"}}").cmdLine().isRedundant()).isTrue();
        assertThat(merge("{\"type\":\"cmdline\",\"cmd_line\":{\"type\":\"router\"}}").cmdLine().get("redundant_router")).contains("false");
    }

    @Test
    void ignoresDhcpConfig() {
        Databags bags = merge("{\"entries\":[{\"router_ip_address\":\"10.1.1.1\",\"gateway\":\"10.1.1.1\",\"netmask\":\"255.255.255.0\","
                + "\"first_ip_of_subnet\":\"10.1.1.0\"}],\"type\":\"dhcpconfig\",\"delete_from_processed_cache\":false}");

        assertThat(bags).isEqualTo(Databags.empty());
    }

    @Test
    void keepsOnlyTheLastVmPassword() {
        Databags bags = merge(
                "{\"ip_address\":\"10.1.1.23\",\"password\":\"one\",\"type\":\"vmpassword\",\"delete_from_processed_cache\":false}",
                "{\"ip_address\":\"10.1.1.24\",\"password\":\"two\",\"type\":\"vmpassword\",\"delete_from_processed_cache\":false}");

        assertThat(bags.vmPassword().passwords()).containsOnlyKeys(IpAddress.parse("10.1.1.24"));
    }

    @Test
    void namesTheBagsEachFileTypeTouches() {
        assertThat(DatabagMerger.bagsOf(DatabagType.GUEST_NETWORK)).containsExactlyInAnyOrder(BagKey.GUEST_NETWORK, BagKey.IPS);
        assertThat(DatabagMerger.bagsOf(DatabagType.CMD_LINE)).containsExactlyInAnyOrder(BagKey.CMD_LINE, BagKey.IPS);
        assertThat(DatabagMerger.bagsOf(DatabagType.STATICNAT_RULES)).containsExactly(BagKey.FORWARDING_RULES);
        assertThat(DatabagMerger.bagsOf(DatabagType.IP_ALIASES)).containsExactly(BagKey.IPS);
        assertThat(DatabagMerger.bagsOf(DatabagType.DHCP_CONFIG)).containsExactly(BagKey.DHCP_ENTRY);
        for (DatabagType type : DatabagType.values()) {
            assertThat(DatabagMerger.bagsOf(type)).as(type.name()).isNotEmpty();
        }
    }

    @Test
    void differencesNameTheChangedBags() {
        Databags bags = merge(firewallRule(17, "0.0.0.0/0", false));

        assertThat(Databags.empty().differences(bags)).isEqualTo(java.util.EnumSet.of(BagKey.FIREWALL_RULES));
        assertThat(bags.differences(bags)).isEmpty();
        assertThat(List.of(bags.with(bags.firewallRules()))).containsExactly(bags);
    }
}
