package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

/** Strict parsing: every rejection is one {@link InvalidParameterException} naming the JSON path. */
class PayloadCodecTest {
    private final PayloadCodec codec = new PayloadCodec();

    // --- documents and types ---

    @Test
    void rejectsMalformedJson() {
        assertRejected("{\"ip_address\":[],\"type\":\"ips\",}", "json", "malformed JSON at line 1, column 31 (after type)");
        assertRejected("{\"ip_address\":[{\"public_ip\":\"203.0.113.20\" \"add\":true}]}", "json", "(after ip_address[0].public_ip)");
        assertRejected("{\"ip_address\":[", "json", "Unexpected end-of-input");
        assertRejected(" ", "json", "is empty");
    }

    @Test
    void rejectsTrailingContent() {
        assertRejected(golden("vmpassword/password") + " {}", "json", "trailing content");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertRejected(mutate("vmpassword/password", "\"password\":\"p4ssw0rd\"", "\"password\":\"a\",\"password\":\"b\""),
                "password", "duplicate key");
    }

    @Test
    void rejectsADocumentThatIsNotAnObject() {
        assertRejected("[]", "json", "must be a JSON object");
        assertRejected("\"ips\"", "json", "must be a JSON object");
    }

    @Test
    void rejectsAnUnknownType() {
        assertRejected(mutate("vmpassword/password", "\"type\":\"vmpassword\"", "\"type\":\"vmpasswords\""),
                "type", "unknown type (expected [cmdline, ips,");
    }

    @Test
    void rejectsAMissingType() {
        assertRejected(mutate("vmpassword/password", "\"type\":\"vmpassword\",", ""), "type", "is missing");
    }

    @Test
    void rejectsAnotherTypeWhenOneIsRequested() {
        assertThatThrownBy(() -> codec.parse(golden("vmpassword/password"), FirewallRulesPayload.class))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.getMessage()).contains("expected firewallrules").contains("'vmpassword'");
                });
    }

    @Test
    void rejectsUnknownProperties() {
        assertRejected(mutate("vmpassword/password", "{", "{\"vm_name\":\"vm-1\","), "vm_name", "unknown property");
        assertRejected(mutate("ips/public-source-nat", "\"mtu\":1500", "\"mtu\":1500,\"vlan\":\"vlan://64\""),
                "ip_address[0].vlan", "unknown property");
        assertRejected(mutate("networkacl/tier", "\"protocol\":41,", "\"protocol\":41,\"number\":3,"),
                "ingress_rules[2].number", "unknown property");
    }

    // --- JSON value types: no coercion ---

    @Test
    void rejectsAStringForAnInteger() {
        assertRejected(mutate("ips/public-source-nat", "\"nic_dev_id\":2", "\"nic_dev_id\":\"2\""),
                "ip_address[0].nic_dev_id", "wrong JSON type (expected a number)");
    }

    @Test
    void rejectsANumberForABoolean() {
        assertRejected(mutate("ips/public-source-nat", "\"add\":true", "\"add\":1"), "ip_address[0].add", "expected true or false");
    }

    @Test
    void rejectsAStringForABoolean() {
        assertRejected(mutate("ips/public-source-nat", "\"add\":true", "\"add\":\"true\""), "ip_address[0].add", "expected true or false");
    }

    @Test
    void rejectsANumberForAString() {
        assertRejected(mutate("guestnetwork/vpc-tier", "\"cidr\":\"24\"", "\"cidr\":24"), "cidr", "expected a string");
        assertRejected(mutate("networkacl/tier", "\"nic_netmask\":\"24\"", "\"nic_netmask\":24"), "nic_netmask", "expected a string");
        assertRejected(mutate("ips/public-source-nat", "\"public_ip\":\"203.0.113.20\"", "\"public_ip\":3405803284"),
                "ip_address[0].public_ip", "expected");
    }

    @Test
    void rejectsAScalarWhereAnObjectBelongs() {
        assertRejected(mutate("staticroutes/routes", "\"routes\":[{", "\"routes\":[7,{"), "routes[0]", "expected an object");
        assertRejected(mutate("networkacl/tier", "\"cidr\":\"10.0.1.0/24\"", "\"cidr\":[\"10.0.1.0/24\"]"),
                "ingress_rules[0].cidr", "expected a string");
        assertRejected(mutate("staticnatrules/one-to-one", "\"0:0\"", "0"), "rules[0].source_port_range", "expected a string");
    }

    @Test
    void rejectsAFractionForAnInteger() {
        assertRejected(mutate("ips/public-source-nat", "\"mtu\":1500", "\"mtu\":1500.5"), "ip_address[0].mtu", "expected a number");
    }

    @Test
    void rejectsANumberOutOfRange() {
        assertRejected(mutate("ips/public-source-nat", "\"nic_dev_id\":2", "\"nic_dev_id\":99999999999"),
                "ip_address[0].nic_dev_id", "out of range");
    }

    @Test
    void rejectsAnObjectWhereAnArrayBelongs() {
        assertRejected("{\"routes\":{},\"type\":\"staticroutes\",\"delete_from_processed_cache\":false}", "routes", "expected an array");
        assertRejected(mutate("vmpassword/password", "\"10.1.1.23\"", "[\"10.1.1.23\"]"), "ip_address", "expected a string");
    }

    @Test
    void rejectsNullOrMissingPrimitives() {
        assertRejected(mutate("ips/public-source-nat", "\"source_nat\":true", "\"source_nat\":null"),
                "ip_address[0].source_nat", "is missing or null");
        assertRejected(mutate("vmpassword/password", ",\"delete_from_processed_cache\":false", ""),
                "delete_from_processed_cache", "is missing or null");
    }

    @Test
    void rejectsAMissingRequiredValue() {
        assertRejected(mutate("vmpassword/password", "\"ip_address\":\"10.1.1.23\",", ""), "ip_address", "is missing");
    }

    @Test
    void rejectsANullListElement() {
        assertRejected(mutate("staticroutes/routes", "\"routes\":[", "\"routes\":[null,"), "routes[0]", "is null");
    }

    // --- values ---

    @Test
    void rejectsABadMacAddress() {
        assertRejected(mutate("ips/public-source-nat", "1e:00:5d:00:00:14", "1e:00:5d:00:00:1g"),
                "ip_address[0].vif_mac_address", "not a MAC address");
        assertRejected(mutate("dhcpentry/ipv4", "\"mac_address\":\"02:00:4c:5f:00:01\"", "\"mac_address\":\"02:00:4c:5f:00\""),
                "mac_address", "not a MAC address");
    }

    @Test
    void rejectsABadIpAddress() {
        assertRejected(mutate("ips/public-source-nat", "\"public_ip\":\"203.0.113.20\"", "\"public_ip\":\"203.0.113.300\""),
                "ip_address[0].public_ip", "not an IPv4 or IPv6 address: '203.0.113.300'");
        assertRejected(mutate("staticnatrules/one-to-one", "10.1.1.24", "vm-1.example"),
                "rules[0].destination_ip_address", "not an IPv4 or IPv6 address");
    }

    @Test
    void rejectsAnIpv6PublicAddressWithADottedNetmask() {
        assertRejected(mutate("ips/public-source-nat", "\"public_ip\":\"203.0.113.20\"", "\"public_ip\":\"2001:db8::20\""),
                "ip_address[0].public_ip", "must be an IPv4 address");
    }

    @Test
    void rejectsABadCidr() {
        assertRejected(mutate("networkacl/tier", "\"cidr\":\"10.0.1.0/24\"", "\"cidr\":\"10.0.1.0/33\""),
                "ingress_rules[0].cidr", "prefix length");
        assertRejected(mutate("networkacl/tier", "\"cidr\":\"10.0.1.0/24\"", "\"cidr\":\"\""),
                "ingress_rules[0].cidr", "at least one CIDR");
        assertRejected(mutate("firewallrules/ingress-egress", "[\"0.0.0.0/0\"]", "[\"0.0.0.0/0\",\"any\"]"),
                "rules[0].source_cidr_list[1]", "not a CIDR");
        assertRejected(mutate("staticroutes/routes", "192.168.50.0/24", "192.168.50.1/24"), "routes[0].network", "host bits set");
    }

    @Test
    void rejectsPortZero() {
        assertRejected(mutate("firewallrules/ingress-egress", "[22,22]", "[0,22]"), "rules[0].src_port_range", "between 1 and 65535");
        assertRejected(mutate("forwardrules/add", "\"2222:2222\"", "\"0:2222\""), "rules[0].source_port_range", "between 1 and 65535");
        assertRejected(mutate("networkacl/tier", "\"first_port\":22", "\"first_port\":0"), "ingress_rules[0].first_port", "between 1 and 65535");
    }

    @Test
    void acceptsZeroZeroAsAllPortsWhereCloudStackUsesIt() {
        NetworkAclPayload acl = codec.parse(golden("networkacl/private-gateway-ipv6"), NetworkAclPayload.class);
        assertThat(((PortAclRule) acl.ingressRules().get(0)).ports()).isEmpty();
        StaticNatRulesPayload nat = codec.parse(golden("staticnatrules/one-to-one"), StaticNatRulesPayload.class);
        assertThat(nat.rules().get(0).sourcePortRange().isAll()).isTrue();
        assertRejected(mutate("forwardrules/add", "\"22:22\"", "\"0:0\""), "rules[0].destination_port_range", "between 1 and 65535");
    }

    @Test
    void rejectsPort70000() {
        assertRejected(mutate("forwardrules/add", "\"2222:2222\"", "\"70000:70000\""), "rules[0].source_port_range", "between 1 and 65535");
        assertRejected(mutate("networkacl/tier", "\"last_port\":22", "\"last_port\":70000"), "ingress_rules[0].last_port", "between 1 and 65535");
        assertRejected(mutate("firewallrules/ingress-egress", "[22,22]", "[22,70000]"), "rules[0].src_port_range", "between 1 and 65535");
    }

    @Test
    void rejectsAStartPortAfterTheEndPort() {
        assertRejected(mutate("forwardrules/add", "\"2222:2222\"", "\"2223:2222\""), "rules[0].source_port_range", "start port is after end port");
        assertRejected(mutate("networkacl/tier", "\"first_port\":22", "\"first_port\":23"), "ingress_rules[0].last_port", "before first_port");
        assertRejected(mutate("firewallrules/ingress-egress", "[22,22]", "[23,22]"), "rules[0].src_port_range", "start port is after end port");
        assertRejected(mutate("firewallrules/ingress-egress", "[22,22]", "[22,23,24]"), "rules[0].src_port_range", "more than 2 ports");
    }

    @Test
    void rejectsAPortRangeNotInColonForm() {
        assertRejected(mutate("forwardrules/add", "\"2222:2222\"", "\"2222-2222\""), "rules[0].source_port_range", "start:end");
        assertRejected(mutate("forwardrules/add", "\"2222:2222\"", "\"2222\""), "rules[0].source_port_range", "start:end");
    }

    @Test
    void rejectsAnUnknownProtocol() {
        assertRejected(mutate("firewallrules/ingress-egress", "\"protocol\":\"tcp\"", "\"protocol\":\"sctp\""),
                "rules[0].protocol", "unknown protocol (expected one of [all, icmp, tcp, udp])");
        assertRejected(mutate("forwardrules/add", "\"protocol\":\"tcp\"", "\"protocol\":\"icmp\""), "rules[0].protocol", "unknown protocol");
        assertRejected(mutate("networkacl/tier", "{\"type\":\"tcp\"", "{\"type\":\"sctp\""),
                "ingress_rules[0].type", "unknown type (expected [tcp, udp, icmp, protocol, all])");
        assertRejected(mutate("networkacl/tier", "\"protocol\":41", "\"protocol\":256"), "ingress_rules[2].protocol", "between 0 and 255");
    }

    @Test
    void acceptsProtocolNamesInAnyCaseAndWritesThemInLowerCase() {
        ForwardingRulesPayload rules = codec.parse(mutate("forwardrules/add", "\"protocol\":\"tcp\"", "\"protocol\":\"TCP\""),
                ForwardingRulesPayload.class);
        assertThat(codec.toJson(rules)).isEqualTo(golden("forwardrules/add"));
    }

    @Test
    void rejectsAnAclRuleWithoutType() {
        assertRejected(mutate("networkacl/tier", "{\"type\":\"tcp\",", "{"), "ingress_rules[0].type", "is missing");
    }

    @Test
    void rejectsIcmpTypeOrCodeOutOfRange() {
        assertRejected(mutate("networkacl/tier", "\"icmp_type\":-1", "\"icmp_type\":256"), "ingress_rules[1].icmp_type", "between -1 and 255");
        assertRejected(mutate("networkacl/tier", "\"icmp_code\":-1", "\"icmp_code\":-2"), "ingress_rules[1].icmp_code", "between -1 and 255");
        assertRejected(mutate("firewallrules/revoke-icmp-single-port", "\"icmp_type\":8", "\"icmp_type\":300"),
                "rules[0].icmp_type", "between -1 and 255");
    }

    @Test
    void rejectsAHostNameWithANewlineOrAComma() {
        assertRejected(mutate("dhcpentry/ipv4", "\"host_name\":\"vm-1\"", "\"host_name\":\"vm-1\\naddress=/#/6.6.6.6\""),
                "host_name", "not a host name");
        assertRejected(mutate("dhcpentry/ipv4", "\"host_name\":\"vm-1\"", "\"host_name\":\"vm-1,10.9.9.9\""), "host_name", "not a host name");
        assertRejected(mutate("guestnetwork/vpc-tier", "\"domain_name\":\"vpc1.internal\"", "\"domain_name\":\"vpc1 internal\""),
                "domain_name", "not a host name");
    }

    @Test
    void rejectsQuotesAndCommandSubstitutionInConfigText() {
        assertRejected(mutate("monitorservice/health-checks", "servicename=ssh", "servicename=ssh\\\"; reboot; \\\""),
                "config", "must not contain quotes");
        assertRejected(mutate("monitorservice/health-checks", "gatewaysIps=10.1.1.1 ", "gatewaysIps=$(reboot)"),
                "health_checks_config.gateways", "must not contain '$(' or '${'");
        assertRejected(mutate("cmdline/isolated-router", "\"name\":\"r-12-VM\"", "\"name\":\"r-12-VM$(reboot)\""),
                "cmd_line.name", "'$('");
        assertRejected(mutate("dhcpentry/dual-stack", "192.168.10.0/24,10.1.2.254", "192.168.10.0/24`reboot`"),
                "static_routes", "backticks");
    }

    @Test
    void rejectsBadDeviceNames() {
        assertRejected(mutate("guestnetwork/vpc-tier", "\"device\":\"eth3\"", "\"device\":\"wlan0\""), "device", "not a device name");
        assertRejected(mutate("networkacl/tier", "\"device\":\"eth2\"", "\"device\":\"eth2 -j ACCEPT\""), "device", "not a device name");
        assertRejected(mutate("remoteaccessvpn/create", "\"eth2\"", "\"eth\""), "public_interface", "not a device name");
    }

    @Test
    void rejectsABadPrefixLengthString() {
        assertRejected(mutate("guestnetwork/vpc-tier", "\"cidr\":\"24\"", "\"cidr\":\"33\""), "cidr", "not a prefix length");
        assertRejected(mutate("networkacl/tier", "\"nic_netmask\":\"24\"", "\"nic_netmask\":\"255.255.255.0\""), "nic_netmask", "not a prefix length");
    }

    @Test
    void rejectsBadMetadataTriples() {
        assertRejected(mutate("vmdata/vm", "[\"metadata\",\"availability-zone\",\"zone1\"]", "[\"metadata\",\"availability-zone\"]"),
                "vm_metadata[2]", "got 2 elements");
        assertRejected(mutate("vmdata/vm", "[\"metadata\",\"availability-zone\",\"zone1\"]", "[\"metadata\",\"availability-zone\",1]"),
                "vm_metadata[2]", "must be a string");
        assertRejected(mutate("vmdata/vm", "[\"metadata\",\"availability-zone\",\"zone1\"]", "[\"etc\",\"availability-zone\",\"zone1\"]"),
                "vm_metadata[2].folder", "unknown value");
        assertRejected(mutate("vmdata/vm", "\"availability-zone\"", "\"../../etc/passwd\""), "vm_metadata[2].file", "not a file name");
        assertRejected(mutate("vmdata/vm", "[\"metadata\",\"availability-zone\",\"zone1\"]", "{\"folder\":\"metadata\"}"),
                "vm_metadata[2]", "expected an array");
    }

    @Test
    void rejectsBadListeners() {
        assertRejected(mutate("loadbalancer/haproxy", "\"203.0.113.20:80:\"", "\"203.0.113.20:99999:\""),
                "rules[0].add_rules[0]", "between 1 and 65535");
        assertRejected(mutate("loadbalancer/haproxy", "\"203.0.113.20:80:\"", "\"203.0.113.20:80 -j ACCEPT:\""),
                "rules[0].add_rules[0]", "not a listener");
        assertRejected(mutate("loadbalancer/haproxy", "haproxy.cfg.new.1732170000000", "../../etc/shadow"),
                "rules[0].tmp_cfg_file_name", "not a file name");
        assertRejected(mutate("loadbalancer/haproxy", "\"\\tmaxconn 4096\"", "\"\\tmaxconn 4096\\u0000\""),
                "rules[0].configuration[2]", "control characters");
    }

    @Test
    void rejectsABadVpnRange() {
        assertRejected(mutate("remoteaccessvpn/create", "10.1.2.1-10.1.2.8", "10.1.2.8-10.1.2.1"), "ip_range", "first address is after last");
        assertRejected(mutate("remoteaccessvpn/create", "10.1.2.1-10.1.2.8", "10.1.2.1"), "ip_range", "not an address range");
    }

    @Test
    void rejectsUnsafeSecretsWithoutShowingThem() {
        assertRejectedHiding(mutate("remoteaccessvpn/create", "s3cretPSK", "s3cret\\\"PSK"), "preshared_key", "s3cret");
        assertRejectedHiding(mutate("site2sitevpn/peer", "\"ipsec_psk\":\"s3cret\"", "\"ipsec_psk\":\"s3cret\\nleft=%any\""),
                "ipsec_psk", "s3cret");
        assertRejectedHiding(mutate("vpnuserlist/users", "\"pw1\"", "\"pw1 * other\""), "vpn_users[1].password", "pw1");
        assertRejectedHiding(mutate("bgppeers/peers", "\"peer_password\":\"pw\"", "\"peer_password\":\"pw x\""), "peers[0].peer_password", "pw x");
        assertRejectedHiding(mutate("cmdline/router-written", "\"1234567890\"", "\"12345$(reboot)\""), "cmd_line.router_password", "12345");
    }

    @Test
    void rejectsAnUnknownDisableMonitoringValue() {
        assertRejected(mutate("monitorservice/monitoring-disabled", "\"disable_monitoring\":\"false\"", "\"disable_monitoring\":\"no\""),
                "disable_monitoring", "unknown value");
    }

    @Test
    void rejectsABadCmdLineKey() {
        assertRejected(mutate("cmdline/isolated-router", "\"template\":\"domP\"", "\"tem plate\":\"domP\""), "cmd_line", "not a boot argument name");
        assertRejected(mutate("cmdline/isolated-router", "\"template\":\"domP\"", "\"template\":\"dom P\""), "cmd_line.template", "whitespace");
    }

    @Test
    void everyErrorMessageIsOneLine() {
        assertThatThrownBy(() -> codec.parse("{\n\"ip_address\":\n[1,\n2]\n,\"type\":\"ips\"}"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    assertThat(e.field()).isEqualTo("ip_address[0]");
                });
    }

    private void assertRejected(String json, String field, String messagePart) {
        assertThatThrownBy(() -> codec.parse(json))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ").contains(messagePart).doesNotContain("\n");
                });
    }

    private void assertRejectedHiding(String json, String field, String secret) {
        assertThatThrownBy(() -> codec.parse(json))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
                    assertThat(e.getMessage()).doesNotContain(secret);
                });
    }

    private static String golden(String typeAndCase) {
        return PayloadGoldenTest.Goldens.read(typeAndCase);
    }

    /** The golden with one occurrence of {@code from} replaced; fails if {@code from} is not there, so no test passes vacuously. */
    private static String mutate(String typeAndCase, String from, String to) {
        String text = golden(typeAndCase);
        assertThat(text).as("golden %s", typeAndCase).contains(from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }
}
