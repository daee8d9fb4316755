package org.vrouter.hypervisor.netns;

import java.util.List;
import java.util.Locale;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.bootargs.BootArgsBuilder;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;

/**
 * An isolated source-NAT router laid out as the guru lays one out (management-side §7): guest
 * {@code eth0} holding the network's gateway {@code 10.1.<id>.1/24} on VLAN {@code 100 + id},
 * control {@code eth1} at a link-local address with the guru's {@code 0e:00:a9:fe} MAC, public
 * {@code eth2} at {@code 203.0.113.<10 + id>/24} on the untagged public VLAN as the default NIC; boot
 * arguments in the guru's order.
 */
record GuruLayoutRouter(long id, StartCommand startCommand, AccessDetails accessDetails) {
    static final IpAddress ZONE_DNS = IpAddress.parse("192.0.2.53");
    static final String DOMAIN = "cs2cloud.internal";

    static GuruLayoutRouter of(long id) {
        return build(id, IpAddress.parse("203.0.113.1"));
    }

    /** The router with a default gateway outside every network it is on: its boot cannot apply it. */
    static GuruLayoutRouter withUnreachableGateway(long id) {
        return build(id, IpAddress.parse("198.51.100.1"));
    }

    private static GuruLayoutRouter build(long id, IpAddress defaultGateway) {
        String name = "r-" + id + "-VM";
        Cidr guestCidr = Cidr.parse("10.1." + id + ".0/24");
        IpAddress gateway = IpAddress.parse("10.1." + id + ".1");
        IpAddress controlIp = IpAddress.parse("169.254.3." + id);
        IpAddress publicIp = IpAddress.parse("203.0.113." + (10 + id));
        Cidr publicCidr = Cidr.parse("203.0.113.0/24");
        IpAddress publicGateway = IpAddress.parse("203.0.113.1");
        Cidr control = Cidr.parse("169.254.0.0/16");

        List<NicTO> nics = List.of(
                NicTO.builder(0, MacAddress.parse("02:00:0a:01:" + hex(id) + ":01"), TrafficType.GUEST)
                        .ipv4(gateway, guestCidr.netmask(), gateway)
                        .broadcastUri(BroadcastUri.vlan(100 + (int) id)).isolationUri(BroadcastUri.vlan(100 + (int) id))
                        .dns(ZONE_DNS).mtu(1500).build(),
                NicTO.builder(1, MacAddress.parse("0e:00:a9:fe:03:" + hex(id)), TrafficType.CONTROL)
                        .ipv4(controlIp, control.netmask(), IpAddress.parse("169.254.0.1")).build(),
                NicTO.builder(2, MacAddress.parse("1e:00:cb:00:71:" + hex(10 + id)), TrafficType.PUBLIC)
                        .ipv4(publicIp, publicCidr.netmask(), publicGateway)
                        .broadcastUri(BroadcastUri.parse("vlan://untagged")).isolationUri(BroadcastUri.parse("vlan://untagged"))
                        .defaultNic(true).dns(ZONE_DNS).mtu(1500).build());
        BootArgsBuilder args = BootArgs.builder().template("domP").name(name)
                .nic(0, gateway, guestCidr.netmask()).privateMtu(1500).domain(DOMAIN).cidrSize(24).dhcpRange(gateway)
                .nic(1, controlIp, control.netmask())
                .nic(2, publicIp, publicCidr.netmask()).gateway(defaultGateway).publicMtu(1500)
                .type(RouterType.ROUTER).dns1(ZONE_DNS).logRotateFrequency("*:00:00");
        VirtualMachineTO.Builder vm = VirtualMachineTO.builder(name, VirtualMachine.Type.DOMAIN_ROUTER, "router-uuid-" + id)
                .bootArgs(args.build());
        nics.forEach(vm::nic);
        AccessDetails access = AccessDetails.builder().routerIp(controlIp).routerName(name).routerGuestIp(gateway)
                .zoneNetworkType(NetworkType.ADVANCED).build();
        return new GuruLayoutRouter(id, StartCommand.of(vm.build()), access);
    }

    String name() {
        return startCommand.vm().name();
    }

    NicTO nic(int deviceId) {
        return startCommand.vm().nic(deviceId).orElseThrow();
    }

    IpAddress guestGateway() {
        return nic(0).ip().orElseThrow();
    }

    IpAddress controlIp() {
        return nic(1).ip().orElseThrow();
    }

    /** The address {@code host} places into the guest network ({@code 10.1.<id>.<host>}). */
    IpAddress guestAddress(int host) {
        return IpAddress.parse("10.1." + id + "." + host);
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "%02x", value);
    }
}
