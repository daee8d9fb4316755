package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.setup.SetupFixtures.NETWORK_ID;
import static org.vrouter.core.setup.SetupFixtures.SOURCE_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.publicIp;
import static org.vrouter.core.setup.SetupFixtures.router;
import static org.vrouter.core.setup.SetupFixtures.sourceNatIp;
import static org.vrouter.core.setup.SetupFixtures.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.IpAlias;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.RuleState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.commands.to.DhcpTO;
import org.vrouter.commands.to.IpAliasTO;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.guru.start.StartCommandPlanner;

class SetupCommandFactoryTest {
    private final CommandSetupHelper helper = new CommandSetupHelper();
    private final SetupCommandFactory factory = helper.commandFactory();
    private final StartCommandPlanner planner = new StartCommandPlanner(factory, factory);

    private static NetworkConfiguration sample() {
        FirewallRule ssh = FirewallRule.ingress(17, NETWORK_ID, SOURCE_NAT_IP, Protocol.TCP).ports(PortRange.of(22))
                .sourceCidrs(List.of(Cidr.parse("0.0.0.0/0"))).state(RuleState.ACTIVE).build();
        PortForwardingRule forward = PortForwardingRule.of(30, NETWORK_ID, SOURCE_NAT_IP, PortRange.of(2222), IpAddress.parse("10.1.1.12"),
                PortRange.of(22), Protocol.TCP);
        return NetworkConfiguration.builder(network())
                .publicIps(List.of(sourceNatIp().withMacAddress(MacAddress.parse("1e:00:5d:00:00:14"))))
                .firewallRules(List.of(ssh))
                .portForwardingRules(List.of(forward))
                .vms(List.of(vm(10, "web-1", "10.1.1.11", "02:00:4c:5f:00:11")))
                .build();
    }

    @Test
    void theGurusStartPlanBuiltWithTheFactoryEncodesForTheRouter() {
        Commands batch = planner.plan(router(), List.of(sample()));

        assertThat(batch.entries()).extracting(Commands.Entry::id).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204",
                "ipAssoc:204", "firewallIngress:204", "portForwarding:204", "monitor:204", "dhcp:204", "vmdata:204", "aggregationFinish:204");
        List<NetworkElementCommand> configuration = new ArrayList<>();
        for (Commands.Entry entry : batch.entries()) {
            if (entry.command() instanceof IpAssociationCommand association) {
                configuration.add(association.withIpAddresses(association.ipAddresses().stream().map(ip -> ip.withNicDeviceId(2)).toList()));
            }
            else if (entry.command() instanceof NetworkElementCommand command && !(command instanceof AggregationControlCommand)
                    && !command.isQuery()) {
                configuration.add(command);
            }
        }
        List<ConfigItem> items = CommandCodec.withRandomIds().batch(configuration).items();
        assertThat(items).filteredOn(FileConfigItem.class::isInstance)
                .map(item -> ((FileConfigItem) item).name().replaceAll("\\.json\\..*", ".json"))
                .containsExactly("ip_associations.json", "firewall_rules.json", "forwarding_rules.json", "monitor_service.json",
                        "vm_dhcp_entry.json", "vm_metadata.json");
    }

    @Test
    void buildsTheSameIpAssociationAsTheHelper() {
        List<NetworkElementCommand> built = factory.ipAssociation(router(), network(), List.of(sourceNatIp(), publicIp("203.0.113.21", 100)));

        assertThat(built).containsExactlyElementsOf(
                helper.createIpAssociationCommands(router(), network(), List.of(sourceNatIp(), publicIp("203.0.113.21", 100))));
        assertThat(built).singleElement().isInstanceOf(IpAssocCommand.class);
    }

    @Test
    void firewallRulesAreOneCommandWithTheRulesAsGiven() {
        FirewallRule egress = FirewallRule.egress(18, NETWORK_ID, Protocol.TCP).ports(PortRange.of(80)).build();

        List<NetworkElementCommand> built = factory.firewallRules(router(), network(), List.of(egress));

        assertThat(built).containsExactly(helper.createFirewallRulesCommand(router(), network(), List.of(egress)));
        assertThat(((SetFirewallRulesCommand) built.get(0)).rules()).hasSize(1);
    }

    @Test
    void theVpnIsItsUsersThenTheServer() {
        RemoteAccessVpn vpn = RemoteAccessVpn.forNetwork(5, NETWORK_ID, SOURCE_NAT_IP, IpRange.parse("ip_range", "10.1.2.1-10.1.2.8"),
                Secret.of("psk-123"), IpAddress.parse("10.1.1.1"), Cidr.parse("10.1.1.0/24"));

        List<NetworkElementCommand> withUsers = factory.remoteAccessVpn(router(), network(), vpn, List.of(VpnUser.of("alice", Secret.of("pw-1"))));
        List<NetworkElementCommand> withoutUsers = factory.remoteAccessVpn(router(), network(), vpn, List.of());

        assertThat(withUsers).hasSize(2);
        assertThat(withUsers.get(0)).isInstanceOf(VpnUsersCfgCommand.class);
        assertThat(withUsers.get(1)).isInstanceOfSatisfying(RemoteAccessVpnCfgCommand.class, command -> assertThat(command.create()).isTrue());
        assertThat(withoutUsers).singleElement().isInstanceOf(RemoteAccessVpnCfgCommand.class);
    }

    @Test
    void vmDataSendsAPendingPasswordFirstAndSkipsIpv6OnlyNics() {
        VirtualMachineProfile withPassword = vm(11, "web-2", "10.1.1.12", "02:00:4c:5f:00:12")
                .withSecrets(Optional.of(Secret.of("n3w-Password")), Optional.empty(), Optional.empty());
        Nic ipv6Only = Nic.builder(NETWORK_ID, 0, TrafficType.GUEST, MacAddress.parse("02:00:4c:5f:00:13")).defaultNic(true).build();
        VirtualMachineProfile v6 = vm(12, "web-3", ipv6Only);

        List<NetworkElementCommand> built = factory.vmData(router(), network(), List.of(withPassword, v6));

        assertThat(built).hasSize(2);
        assertThat(built.get(0)).isInstanceOf(SavePasswordCommand.class);
        assertThat(built.get(1)).isInstanceOf(VmDataCommand.class);
    }

    @Test
    void refusesATiersAclWithoutTheRoutersNicThere() {
        assertThatThrownBy(() -> factory.networkAcl(SetupFixtures.vpcRouter(), SetupFixtures.tier(), List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("nic"))
                .hasMessageContaining("r-14-VM")
                .hasMessageContaining("301");
    }

    @Test
    void buildsATiersAclAndGuestNetworkOnTheRoutersNicThere() {
        NetworkAclItem item = NetworkAclItem.of(1, 10, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP)
                .withPorts(PortRange.of(22, 22));

        List<NetworkElementCommand> acl = factory.networkAcl(SetupFixtures.vpcRouter(), SetupFixtures.tier(), SetupFixtures.tierNic(),
                List.of(item));
        List<NetworkElementCommand> guest = factory.setupGuestNetwork(SetupFixtures.vpcRouter(), SetupFixtures.tier(), SetupFixtures.tierNic());

        assertThat(acl).singleElement().isInstanceOfSatisfying(SetNetworkACLCommand.class,
                command -> assertThat(command.nic().deviceId()).isEqualTo(SetupFixtures.tierNic().deviceId()));
        assertThat(guest).singleElement().isInstanceOfSatisfying(SetupGuestNetworkCommand.class, command -> assertThat(command.add()).isTrue());
    }

    @Test
    void givesAStaticNatedVmItsOwnPublicAddress() {
        VirtualMachineProfile vm = vm(10, "web-1", "10.1.1.11", "02:00:4c:5f:00:11");

        List<NetworkElementCommand> built = factory.vmData(router(), network(), List.of(vm),
                Map.of(IpAddress.parse("10.1.1.11"), SetupFixtures.STATIC_NAT_IP));

        assertThat(built).singleElement().isInstanceOfSatisfying(VmDataCommand.class, command -> assertThat(command.entries())
                .filteredOn(entry -> entry.file().equals("public-ipv4")).singleElement()
                .satisfies(entry -> assertThat(entry.contents()).isEqualTo(SetupFixtures.STATIC_NAT_IP.value())));
    }

    @Test
    void buildsIpAliasesThenTheDnsmasqSubnets() {
        IpAlias active = IpAlias.of(NETWORK_ID, 1, IpAddress.parse("10.1.2.1"), Cidr.parse("10.1.2.0/24"), IpAddress.parse("10.1.2.254"));
        IpAlias revoked = IpAlias.of(NETWORK_ID, 2, IpAddress.parse("10.1.3.1"), Cidr.parse("10.1.3.0/24"), IpAddress.parse("10.1.3.254"))
                .revoke();

        List<NetworkElementCommand> create = factory.ipAliases(router(), network(), List.of(active));
        List<NetworkElementCommand> delete = factory.ipAliases(router(), network(), List.of(active, revoked));

        assertThat(create).extracting(Object::getClass).containsExactly(CreateIpAliasCommand.class, DnsMasqConfigCommand.class);
        assertThat(delete).extracting(Object::getClass).containsExactly(DeleteIpAliasCommand.class, DnsMasqConfigCommand.class);
        DnsMasqConfigCommand dnsmasq = (DnsMasqConfigCommand) delete.get(1);
        assertThat(dnsmasq.entries()).extracting(DhcpTO::routerIp).containsExactly(SetupFixtures.GUEST_IP, IpAddress.parse("10.1.2.1"));
        assertThat(((DeleteIpAliasCommand) delete.get(0)).deleteAliases()).extracting(IpAliasTO::aliasCount).containsExactly(2L);
    }

    @Test
    void rejectsAnAliasOfAnotherNetwork() {
        IpAlias foreign = IpAlias.of(999, 1, IpAddress.parse("10.1.2.1"), Cidr.parse("10.1.2.0/24"), IpAddress.parse("10.1.2.254"));

        assertThatThrownBy(() -> factory.ipAliases(router(), network(), List.of(foreign)))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("aliases[0].network_id"));
    }
}
