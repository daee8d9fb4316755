package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.core.setup.SetupFixtures.ALL_SERVICES;
import static org.vrouter.core.setup.SetupFixtures.NETWORK_ID;
import static org.vrouter.core.setup.SetupFixtures.SOURCE_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.STATIC_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.offering;
import static org.vrouter.core.setup.SetupFixtures.publicIp;
import static org.vrouter.core.setup.SetupFixtures.router;
import static org.vrouter.core.setup.SetupFixtures.sourceNatIp;
import static org.vrouter.core.setup.SetupFixtures.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LbDestination;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.RuleState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.VmDataFolder;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.commands.wire.FileConfigItem;

class StartSequenceTest {
    private static final IpAddress WEB_1 = IpAddress.parse("10.1.1.11");
    private static final IpAddress WEB_2 = IpAddress.parse("10.1.1.12");
    private static final MacAddress PUBLIC_NIC_MAC = MacAddress.parse("1e:00:5d:00:00:14");

    private final CommandSetupHelper helper = new CommandSetupHelper();

    private static VirtualMachineProfile web1() {
        return vm(10, "web-1", "10.1.1.11", "02:00:4c:5f:00:11");
    }

    private static VirtualMachineProfile web2WithPassword() {
        return vm(11, "web-2", "10.1.1.12", "02:00:4c:5f:00:12").withSecrets(Optional.of(Secret.of("n3w-Password")), Optional.empty(),
                Optional.empty());
    }

    /** Source NAT and a static NAT address, ingress SSH, an egress rule, a port forward, a load balancer and two VMs. */
    private static NetworkConfiguration.Builder sampleNetwork(Network network) {
        FirewallRule ssh = FirewallRule.ingress(17, NETWORK_ID, SOURCE_NAT_IP, Protocol.TCP).ports(PortRange.of(22))
                .sourceCidrs(List.of(Cidr.parse("0.0.0.0/0"))).state(RuleState.ACTIVE).build();
        FirewallRule web = FirewallRule.egress(18, NETWORK_ID, Protocol.TCP).ports(PortRange.of(80)).state(RuleState.ACTIVE).build();
        PortForwardingRule forward = PortForwardingRule.of(30, NETWORK_ID, SOURCE_NAT_IP, PortRange.of(2222), WEB_2, PortRange.of(22),
                Protocol.TCP);
        LoadBalancingRule balancer = LoadBalancingRule.builder(50, "lb-uuid-50", NETWORK_ID, SOURCE_NAT_IP, 80, 80)
                .destinations(List.of(LbDestination.of(WEB_1, 80), LbDestination.of(WEB_2, 80))).build();
        return NetworkConfiguration.builder(network)
                .publicIps(List.of(sourceNatIp().withMacAddress(PUBLIC_NIC_MAC), publicIp("203.0.113.21", 100).withStaticNat(WEB_1)))
                .firewallRules(List.of(ssh, web))
                .portForwardingRules(List.of(forward))
                .loadBalancingRules(List.of(balancer))
                .vms(List.of(web1(), web2WithPassword()));
    }

    private static List<String> ids(Commands commands) {
        return commands.entries().stream().map(Commands.Entry::id).toList();
    }

    @Test
    void replaysANetworkInCloudStacksOrderAndStopsOnError() {
        Commands commands = helper.createStartCommands(router(), List.of(sampleNetwork(network()).build()));

        assertThat(commands.onError()).isEqualTo(Commands.OnError.STOP);
        assertThat(ids(commands)).containsExactly(
                "checkSsh",
                "getDomRVersion",
                "aggregationStart:204",
                "IPAssocCommand:204:vlan://100",
                "firewallEgress:204",
                "staticNat:204",
                "firewallIngress:204",
                "portForwarding:204",
                "loadBalancer:204",
                "monitor:204",
                "dhcp:204",
                "vmdata:204:i-2-10-VM",
                "password:204:i-2-11-VM",
                "vmdata:204:i-2-11-VM",
                "aggregationFinish:204");
        assertThat(commands.command("aggregationStart:204")).containsInstanceOf(AggregationControlCommand.class);
        assertThat(((AggregationControlCommand) commands.command("aggregationFinish:204").orElseThrow()).action())
                .isEqualTo(AggregationControlCommand.Action.FINISH);
    }

    @Test
    void theBatchCarriesEveryVmAndTheRightPublicAddresses() {
        Commands commands = helper.createStartCommands(router(), List.of(sampleNetwork(network()).build()));

        SetDhcpConfigCommand dhcp = (SetDhcpConfigCommand) commands.command("dhcp:204").orElseThrow();
        assertThat(dhcp.entries()).extracting(entry -> entry.ipv4Address().orElseThrow()).containsExactly(WEB_1, WEB_2);
        VmDataCommand web1 = (VmDataCommand) commands.command("vmdata:204:i-2-10-VM").orElseThrow();
        VmDataCommand web2 = (VmDataCommand) commands.command("vmdata:204:i-2-11-VM").orElseThrow();
        assertThat(web1.contents(VmDataFolder.METADATA, "public-ipv4")).contains(STATIC_NAT_IP.value());
        assertThat(web2.contents(VmDataFolder.METADATA, "public-ipv4")).contains(SOURCE_NAT_IP.value());
        IpAssocCommand association = (IpAssocCommand) commands.command("IPAssocCommand:204:vlan://100").orElseThrow();
        assertThat(association.ipAddresses()).extracting(ip -> ip.publicIp().value()).containsExactly("203.0.113.20", "203.0.113.21");
    }

    @Test
    void everyConfigurationCommandOfTheBatchEncodesForTheRouter() {
        Commands commands = helper.createStartCommands(router(), List.of(sampleNetwork(network()).build()));
        List<NetworkElementCommand> batched = new ArrayList<>();
        for (Commands.Entry entry : commands.entries()) {
            if (entry.command() instanceof IpAssociationCommand association) {
                // as the hypervisor resource does before encoding: the public NIC is eth2
                batched.add(association.withIpAddresses(association.ipAddresses().stream().map(ip -> ip.withNicDeviceId(2)).toList()));
            }
            else if (entry.command() instanceof NetworkElementCommand command && !(command instanceof AggregationControlCommand)
                    && !command.isQuery()) {
                batched.add(command);
            }
        }

        List<ConfigItem> items = CommandCodec.withRandomIds().batch(batched).items();

        assertThat(items).filteredOn(FileConfigItem.class::isInstance).map(item -> ((FileConfigItem) item).name().replaceAll("\\.json\\..*", ".json"))
                .containsExactly("ip_associations.json", "firewall_rules.json", "staticnat_rules.json", "firewall_rules.json",
                        "forwarding_rules.json", "load_balancer.json", "monitor_service.json", "vm_dhcp_entry.json", "vm_dhcp_entry.json",
                        "vm_metadata.json", "vm_password.json", "vm_metadata.json");
    }

    @Test
    void withoutReprogrammingOnlyDhcpAndVmDataAreReplayed() {
        VirtualMachineProfile routerProfile = vm(12, "r-12-VM");

        Commands commands = helper.createStartCommands(router(), routerProfile, List.of(sampleNetwork(network()).build()), false);

        assertThat(ids(commands)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204", "dhcp:204",
                "vmdata:204:i-2-10-VM", "password:204:i-2-11-VM", "vmdata:204:i-2-11-VM", "aggregationFinish:204");
    }

    @Test
    void anAllowByDefaultOfferingGetsTheEgressCommandEvenWithoutRules() {
        Network allow = network(offering(EgressPolicy.ALLOW, false, ALL_SERVICES));

        Commands commands = helper.createStartCommands(router(), List.of(NetworkConfiguration.empty(allow)));

        assertThat(ids(commands)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204", "firewallEgress:204",
                "monitor:204", "aggregationFinish:204");
    }

    @Test
    void addressesAreAssociatedWhenTheRouterProvidesSourceNatEvenIfAnotherProviderDoesTheFirewall() {
        Map<Service, Provider> providers = new LinkedHashMap<>();
        providers.put(Service.SOURCE_NAT, Provider.VIRTUAL_ROUTER);
        providers.put(Service.DHCP, Provider.VIRTUAL_ROUTER);
        providers.put(Service.FIREWALL, Provider.JUNIPER_SRX);
        Network network = network(new NetworkOffering(12, "mixed-uuid", "Mixed", providers, false,
                EgressPolicy.DENY, OptionalLong.empty(), false));

        Commands commands = helper.createStartCommands(router(), List.of(NetworkConfiguration.builder(network)
                .publicIps(List.of(sourceNatIp())).build()));

        assertThat(ids(commands)).contains("IPAssocCommand:204:vlan://100").doesNotContain("firewallEgress:204", "firewallIngress:204");
    }

    @Test
    void vmsThatNeedNoConfigurationAreLeftOut() {
        VirtualMachineProfile stopped = new VirtualMachineProfile(web1().vm().withState(VirtualMachine.State.STOPPED), web1().nics(),
                web1().bootArgs(), web1().template(), web1().serviceOffering(), Optional.empty(), Optional.empty(), Optional.empty());
        NetworkConfiguration configuration = NetworkConfiguration.builder(network()).vms(List.of(stopped, web2WithPassword())).build();

        Commands commands = helper.createStartCommands(router(), List.of(configuration));

        assertThat(ids(commands)).doesNotContain("vmdata:204:i-2-10-VM").contains("vmdata:204:i-2-11-VM");
        assertThat(((SetDhcpConfigCommand) commands.command("dhcp:204").orElseThrow()).entries()).hasSize(1);
    }

    @Test
    void theRoutersPublicNicMacGoesOnItsVlansAddresses() {
        Nic publicNic = Nic.builder(NETWORK_ID, 2, TrafficType.PUBLIC, MacAddress.parse("1e:00:5d:00:00:99"))
                .broadcastUri(BroadcastUri.vlan(100)).build();
        VirtualMachineProfile routerProfile = vm(12, "r-12-VM", publicNic);

        Commands commands = helper.createStartCommands(router(), routerProfile, List.of(sampleNetwork(network()).build()), true);

        IpAssocCommand association = (IpAssocCommand) commands.command("IPAssocCommand:204:vlan://100").orElseThrow();
        assertThat(association.ipAddresses()).extracting(ip -> ip.vifMacAddress().orElseThrow().value()).containsOnly("1e:00:5d:00:00:99");
    }

    @Test
    void aVpcTierIsSetUpOnTheRoutersNicAndGetsItsAcl() {
        VirtualMachineProfile routerProfile = vm(14, "r-14-VM", SetupFixtures.tierNic());
        NetworkConfiguration tier = NetworkConfiguration.builder(SetupFixtures.tier())
                .publicIps(List.of(tierSourceNatIp()))
                .aclItems(List.of(NetworkAclItem.of(1, 10, NetworkAclItem.Action.ALLOW,
                        Direction.INGRESS, Protocol.ALL)))
                .build();

        Commands commands = helper.createStartCommands(SetupFixtures.vpcRouter(), routerProfile, List.of(tier), true);

        assertThat(ids(commands)).containsExactly("checkSsh", "getDomRVersion", "setupguestnetwork:301", "aggregationStart:301",
                "IPAssocVpcCommand:301:vlan://100", "SetSourceNatCommand:301", "networkAcl:301", "monitor:301",
                "aggregationFinish:301");
    }

    private static PublicIpAddress tierSourceNatIp() {
        return PublicIpAddress.of(IpAddress.parse("203.0.113.30"), BroadcastUri.vlan(100),
                SetupFixtures.PUBLIC_GATEWAY, SetupFixtures.PUBLIC_NETMASK, SetupFixtures.TIER_ID).asSourceNat();
    }
}
