package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;

class DhcpInputsTest {
    private final List<String> ignored = new ArrayList<>();

    private static IpAddress ip(String text) {
        return IpAddress.parse("ip", text);
    }

    private static Databags withBootArgs(Databags bags, Map<String, String> changes) {
        Map<String, String> config = new java.util.TreeMap<>(bags.cmdLine().config());
        config.putAll(changes);
        return bags.with(new CmdLineBag(config));
    }

    @Test
    void mapsTheIsolatedRoutersBags() {
        DhcpInput input = DhcpInputs.from(IsolatedRouter.bags(), ignored::add);

        assertThat(ignored).isEmpty();
        assertThat(input.routerType()).isEqualTo(RouterType.ROUTER);
        assertThat(input.routerName()).isEqualTo("r-12-VM");
        assertThat(input.domain()).isEqualTo("cs2cloud.internal");
        assertThat(input.upstreamServers()).containsExactly(ip("8.8.8.8"), ip("8.8.4.4"));
        assertThat(input.useExternalDns()).isFalse();
        assertThat(input.interfaces()).containsExactly(GuestInterface.builder("eth0", Cidr.parse("eth0", "10.1.1.1/24"))
                .gateway(ip("10.1.1.1")).dns(ip("8.8.8.8"), ip("8.8.4.4")).dhcpRangeStart(ip("10.1.1.1")).build());
        assertThat(input.hosts()).containsExactly(
                DhcpHost.builder(MacAddress.parse("mac", "02:00:4c:5f:00:01"), ip("10.1.1.23"), "vm-1").duid("00:03:00:01:02:00:4c:5f:00:01")
                        .dnsAddresses(ip("10.1.1.1")).gateway(ip("10.1.1.1")).build(),
                DhcpHost.builder(MacAddress.parse("mac", "02:00:4c:5f:00:02"), ip("10.1.1.24"), "vm-2")
                        .dnsAddresses(ip("10.1.1.1")).gateway(ip("10.1.1.1")).build(),
                DhcpHost.builder(MacAddress.parse("mac", "02:00:4c:5f:00:03"), ip("10.1.1.25"), "vm-3").defaultEntry(false)
                        .leaseSeconds(3600).dnsAddresses(ip("10.1.1.1")).gateway(ip("10.1.1.1")).build());
        assertThat(input.forwarders()).isEmpty();
        assertThat(input.hostRecords()).isEmpty();
    }

    @Test
    void aRedundantPairHandsOutTheVrrpGateway() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("redundant_router", "true", "guestgw", "10.1.1.254"));

        assertThat(DhcpInputs.from(bags, ignored::add).interfaces()).singleElement()
                .satisfies(guest -> assertThat(guest.gateway()).contains(ip("10.1.1.254")));
    }

    @Test
    void aSharedNetworkRouterHandsOutTheNetworksGateway() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("type", "dhcpsrvr", "gateway", "10.1.1.254"));

        DhcpInput input = DhcpInputs.from(bags, ignored::add);

        assertThat(input.routerType()).isEqualTo(RouterType.DHCP_SERVER);
        assertThat(input.interfaces()).singleElement().satisfies(guest -> assertThat(guest.gateway()).contains(ip("10.1.1.254")));
    }

    @Test
    void vrouterDnsConfigOverridesDomainAndForwardersAndAddsHostRecords() {
        Databags bags = IsolatedRouter.mergeText(IsolatedRouter.bags(), "dns_config.json.1", "{\"domain\":\"corp.example\","
                + "\"forwarders\":[\"192.0.2.53\",\"2001:db8::53\"],\"host_records\":[{\"host_name\":\"db\",\"addresses\":[\"10.1.1.50\"]},"
                + "{\"host_name\":\"web\",\"addresses\":[\"10.1.1.60\",\"10.1.1.61\"]}],\"type\":\"dnsconfig\",\"delete_from_processed_cache\":false}");

        DhcpInput input = DhcpInputs.from(bags, ignored::add);

        assertThat(input.domain()).isEqualTo("corp.example");
        assertThat(input.upstreamServers()).containsExactly(ip("192.0.2.53"), ip("2001:db8::53"));
        assertThat(input.hostRecords()).containsExactly(Map.entry("db", List.of(ip("10.1.1.50"))),
                Map.entry("web", List.of(ip("10.1.1.60"), ip("10.1.1.61"))));
        assertThat(DnsmasqRenderer.render(input).etcHosts()).endsWith("10.1.1.50\tdb\n10.1.1.60\tweb\n10.1.1.61\tweb\n");
        assertThat(DnsmasqRenderer.render(input).cloudConf()).contains("no-resolv\nserver=192.0.2.53\nserver=2001:db8::53\nno-hosts\n")
                .as("the network's own name servers are still handed to VMs after the router").contains(",6,10.1.1.1,8.8.8.8,8.8.4.4\n");
    }

    @Test
    void servesEveryTierOfAVpcRouter() {
        Databags bags = withBootArgs(Databags.empty(), Map.of("type", "vpcrouter", "name", "r-20-VM", "domain", "vpc1.internal",
                "dns1", "8.8.8.8", "eth0ip", "169.254.1.9", "eth0mask", "255.255.0.0"));
        bags = IsolatedRouter.mergeText(bags, "guest_network.json.1", "{\"add\":true,\"mac_address\":\"02:00:56:36:00:02\",\"device\":\"eth2\","
                + "\"router_guest_ip\":\"172.16.1.1\",\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"172.16.1.1\","
                + "\"cidr\":\"24\",\"dns\":\"8.8.8.8,8.8.4.4\",\"domain_name\":\"tier1.internal\",\"type\":\"guestnetwork\","
                + "\"delete_from_processed_cache\":false}");

        DhcpInput input = DhcpInputs.from(bags, ignored::add);

        assertThat(input.interfaces()).containsExactly(GuestInterface.builder("eth2", Cidr.parse("eth2", "172.16.1.1/24"))
                .gateway(ip("172.16.1.1")).dns(ip("8.8.8.8"), ip("8.8.4.4")).domain("tier1.internal").build());
    }

    @Test
    void aRedundantVpcPairListensOnAndHandsOutTheTiersVrrpGateway() {
        Databags bags = withBootArgs(Databags.empty(), Map.of("type", "vpcrouter", "name", "r-20-VM", "domain", "vpc1.internal",
                "dns1", "8.8.8.8", "eth0ip", "169.254.1.9", "eth0mask", "255.255.0.0", "redundant_router", "true"));
        bags = IsolatedRouter.mergeText(bags, "guest_network.json.1", "{\"add\":true,\"mac_address\":\"02:00:56:36:00:02\",\"device\":\"eth2\","
                + "\"router_guest_ip\":\"172.16.1.3\",\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"172.16.1.1\","
                + "\"cidr\":\"24\",\"dns\":\"8.8.8.8\",\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}");

        DhcpInput input = DhcpInputs.from(bags, ignored::add);

        assertThat(input.interfaces()).singleElement().satisfies(guest -> assertThat(guest.rangeStart()).isEqualTo(ip("172.16.1.1")));
        assertThat(DnsmasqRenderer.render(input).cloudConf()).contains("dhcp-range=set:interface-eth2-0,172.16.1.1,static\n")
                .contains(",6,172.16.1.1,8.8.8.8\n").contains("listen-address=127.0.0.1,172.16.1.3,172.16.1.1\n");
    }

    @Test
    void leavesOutAndReportsAnIpv6OnlyNic() {
        Databags bags = IsolatedRouter.mergeText(IsolatedRouter.bags(), "vm_dhcp_entry.json.9", "{\"host_name\":\"vm-6\","
                + "\"mac_address\":\"02:00:4c:5f:00:06\",\"ipv6_address\":\"fd00:1::6\",\"default_entry\":true,\"remove\":false,"
                + "\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}");

        assertThat(DhcpInputs.from(bags, ignored::add).hosts()).hasSize(3);
        assertThat(ignored).containsExactly("dhcpentry[fd00:1::6]: no ipv4_address; IPv6-only NICs are not served yet");
    }

    @Test
    void readsStaticRoutesAsNetworkAndGatewayPairs() {
        assertThat(DhcpInputs.staticRoutes("10.9.0.0/16,10.1.1.254, 192.168.0.0/24,10.1.1.253"))
                .containsExactly(ClasslessRoute.of("10.9.0.0/16", "10.1.1.254"), ClasslessRoute.of("192.168.0.0/24", "10.1.1.253"));
        assertThatThrownBy(() -> DhcpInputs.staticRoutes("10.9.0.0/16")).hasMessageStartingWith("static_routes: must be <network>,<gateway> pairs");
    }

    @Test
    void namesABadBootArgument() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("dns1", "8.8.8"));

        assertThatThrownBy(() -> DhcpInputs.from(bags, ignored::add))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("cmdline.dns1"));
    }

    @Test
    void defaultsTheDomainAsCloudStackDoes() {
        Map<String, String> config = new java.util.TreeMap<>(IsolatedRouter.bags().cmdLine().config());
        config.remove("domain");

        assertThat(DhcpInputs.from(IsolatedRouter.bags().with(new CmdLineBag(config)), ignored::add).domain()).isEqualTo("cloudnine.internal");
    }
}
