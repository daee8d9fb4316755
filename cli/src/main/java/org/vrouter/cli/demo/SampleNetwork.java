package org.vrouter.cli.demo;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.PortForwardingRuleTO;
import org.vrouter.commands.to.StaticNatRuleTO;

/**
 * The demo's isolated guest network: router r-12-VM with guest 10.1.1.1/24, control
 * 169.254.3.44, public 203.0.113.20 (source NAT) and 203.0.113.21; three VMs; an SSH firewall
 * rule, a port forward, a static NAT and a two-backend load balancer — the commands a controller
 * sends for them, in CloudStack's start-batch order.
 */
final class SampleNetwork {
    static final String ROUTER_NAME = "r-12-VM";
    static final IpAddress CONTROL_IP = IpAddress.parse("169.254.3.44");
    static final IpAddress GUEST_IP = IpAddress.parse("10.1.1.1");
    static final Cidr GUEST_CIDR = Cidr.parse("10.1.1.0/24");
    static final IpAddress SOURCE_NAT_IP = IpAddress.parse("203.0.113.20");
    static final IpAddress STATIC_NAT_IP = IpAddress.parse("203.0.113.21");
    private static final IpAddress PUBLIC_GATEWAY = IpAddress.parse("203.0.113.1");
    private static final Netmask PUBLIC_NETMASK = Netmask.parse("255.255.255.0");

    /** A guest VM of the sample network. */
    record Vm(String name, IpAddress ip, MacAddress mac) {}

    static final List<Vm> VMS = List.of(
            new Vm("web-1", IpAddress.parse("10.1.1.11"), MacAddress.parse("02:00:4c:5f:00:11")),
            new Vm("web-2", IpAddress.parse("10.1.1.12"), MacAddress.parse("02:00:4c:5f:00:12")),
            new Vm("db-1", IpAddress.parse("10.1.1.13"), MacAddress.parse("02:00:4c:5f:00:13")));

    private SampleNetwork() {}

    static AccessDetails router() {
        return AccessDetails.builder().routerIp(CONTROL_IP).routerName(ROUTER_NAME)
                .routerGuestIp(GUEST_IP).zoneNetworkType(NetworkType.ADVANCED).build();
    }

    static List<DemoStep> steps() {
        return List.of(
                DemoStep.of("associate public IPs " + SOURCE_NAT_IP + " (source NAT) and " + STATIC_NAT_IP, ipAssociation()),
                DemoStep.of("open SSH (tcp/22) on " + SOURCE_NAT_IP + " from anywhere", firewall()),
                DemoStep.of("forward " + SOURCE_NAT_IP + ":2222 to db-1:22", portForward()),
                DemoStep.of("static NAT " + STATIC_NAT_IP + " <-> web-1", staticNat()),
                DemoStep.of("load-balance " + SOURCE_NAT_IP + ":80 over web-1 and web-2 (round robin)", loadBalancer()),
                new DemoStep("DHCP and DNS for web-1, web-2, db-1", dhcpEntries()),
                new DemoStep("user data and metadata for each VM", vmData()));
    }

    private static IpAssocCommand ipAssociation() {
        List<IpAddressTO> ips = List.of(publicIp(SOURCE_NAT_IP, true, true), publicIp(STATIC_NAT_IP, false, false));
        return new IpAssocCommand(router(), ips);
    }

    private static IpAddressTO publicIp(IpAddress ip, boolean sourceNat, boolean first) {
        return IpAddressTO.builder(ip, TrafficType.PUBLIC)
                .accountId(2).add(true).firstIp(first).sourceNat(sourceNat).oneToOneNat(!sourceNat)
                .vlan(BroadcastUri.vlan(100), PUBLIC_GATEWAY, PUBLIC_NETMASK)
                .vifMacAddress(MacAddress.parse("1e:00:5d:00:00:14")).nicDeviceId(2).build();
    }

    private static SetFirewallRulesCommand firewall() {
        FirewallRuleTO ssh = FirewallRuleTO.ingress(17, SOURCE_NAT_IP, Protocol.TCP)
                .ports(PortRange.of(22)).sourceCidrs(List.of(Cidr.parse("0.0.0.0/0"))).guestCidr(GUEST_CIDR).build();
        return new SetFirewallRulesCommand(router(), List.of(ssh), false);
    }

    private static SetPortForwardingRulesCommand portForward() {
        PortForwardingRuleTO rule = PortForwardingRuleTO.of(SOURCE_NAT_IP, Protocol.TCP, PortRange.of(2222),
                VMS.get(2).ip(), PortRange.of(22));
        return new SetPortForwardingRulesCommand(router(), List.of(rule), false);
    }

    private static SetStaticNatRulesCommand staticNat() {
        return SetStaticNatRulesCommand.of(router(), List.of(StaticNatRuleTO.oneToOne(STATIC_NAT_IP, VMS.get(0).ip())));
    }

    private static LoadBalancerConfigCommand loadBalancer() {
        LoadBalancerTO web = LoadBalancerTO.builder("9b2c4a1e-5f0d-4c3b-8a7e-2d1f0e9c8b7a", SOURCE_NAT_IP, 80)
                .destination(VMS.get(0).ip(), 80).destination(VMS.get(1).ip(), 80).build();
        return LoadBalancerConfigCommand.builder(router(), GUEST_IP, CONTROL_IP)
                .publicIp(SOURCE_NAT_IP).loadBalancer(web).build();
    }

    private static List<org.vrouter.commands.NetworkElementCommand> dhcpEntries() {
        List<org.vrouter.commands.NetworkElementCommand> commands = new ArrayList<>();
        for (Vm vm : VMS) {
            DhcpEntryTO entry = DhcpEntryTO.builder(vm.mac(), vm.name()).ipv4(vm.ip())
                    .dns(GUEST_IP).defaultGateway(GUEST_IP).build();
            commands.add(SetDhcpConfigCommand.of(router(), entry));
        }
        return commands;
    }

    private static List<org.vrouter.commands.NetworkElementCommand> vmData() {
        List<org.vrouter.commands.NetworkElementCommand> commands = new ArrayList<>();
        for (Vm vm : VMS) {
            String userData = Base64.getEncoder().encodeToString(("#cloud-config\nhostname: " + vm.name() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            commands.add(VmDataCommand.builder(router(), vm.ip(), vm.name())
                    .userData(userData).serviceOffering("Small Instance").availabilityZone("zone1")
                    .publicIp(vm.name().equals("web-1") ? STATIC_NAT_IP : SOURCE_NAT_IP)
                    .ids("i-2-" + (10 + VMS.indexOf(vm)) + "-VM", Integer.toString(10 + VMS.indexOf(vm)))
                    .build());
        }
        return commands;
    }
}
