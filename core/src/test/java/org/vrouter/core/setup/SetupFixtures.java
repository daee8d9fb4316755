package org.vrouter.core.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;

/**
 * An isolated network 204 (10.1.1.0/24, VLAN 1010) in Advanced zone 1, served by router r-12-VM
 * (control 169.254.3.44, guest 10.1.1.1, public 203.0.113.20); a VPC 7 with tier 301; guest VMs.
 */
final class SetupFixtures {
    static final IpAddress CONTROL_IP = IpAddress.parse("169.254.3.44");
    static final IpAddress GUEST_IP = IpAddress.parse("10.1.1.1");
    static final IpAddress GATEWAY = IpAddress.parse("10.1.1.1");
    static final IpAddress SOURCE_NAT_IP = IpAddress.parse("203.0.113.20");
    static final IpAddress STATIC_NAT_IP = IpAddress.parse("203.0.113.21");
    static final IpAddress PUBLIC_GATEWAY = IpAddress.parse("203.0.113.1");
    static final Netmask PUBLIC_NETMASK = Netmask.parse("255.255.255.0");
    static final Netmask GUEST_NETMASK = Netmask.parse("255.255.255.0");
    static final long NETWORK_ID = 204;
    static final long TIER_ID = 301;
    static final long VPC_ID = 7;

    static final Zone ZONE = new Zone(1, "zone-uuid", "zone1", NetworkType.ADVANCED,
            DnsServers.ipv4(IpAddress.parse("8.8.8.8"), IpAddress.parse("8.8.4.4")), Optional.empty());
    static final Zone BASIC_ZONE = new Zone(2, "basic-zone-uuid", "basic1", NetworkType.BASIC, DnsServers.none(), Optional.empty());
    static final VmTemplate TEMPLATE = new VmTemplate(201, "template-uuid", "centos", HypervisorType.KVM, true);
    static final ServiceOffering SMALL = ServiceOffering.of(1, "offering-uuid", "Small Instance", 1, 500, 512);

    /** Every service the virtual router offers, by the VR. */
    static final List<Service> ALL_SERVICES = List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.SOURCE_NAT, Service.STATIC_NAT,
            Service.PORT_FORWARDING, Service.LB, Service.FIREWALL, Service.VPN, Service.GATEWAY);

    private SetupFixtures() {}

    static NetworkOffering offering(EgressPolicy egress, boolean redundant, List<Service> services) {
        return offering(egress, redundant, services, Provider.VIRTUAL_ROUTER);
    }

    static NetworkOffering offering(EgressPolicy egress, boolean redundant, List<Service> services, Provider provider) {
        Map<Service, Provider> providers = new LinkedHashMap<>();
        services.forEach(service -> providers.put(service, provider));
        return new NetworkOffering(11, "net-offering-uuid", "DefaultIsolated", providers, redundant, egress, OptionalLong.empty(), false);
    }

    static Network network() {
        return network(offering(EgressPolicy.DENY, false, ALL_SERVICES));
    }

    static Network network(NetworkOffering offering) {
        return Network.builder(NETWORK_ID, "net-uuid", "net1", ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("10.1.1.0/24"), GATEWAY)
                .broadcastUri(BroadcastUri.vlan(1010))
                .networkDomain("cs2cloud.internal")
                .publicMtu(1500)
                .offering(offering)
                .state(Network.State.IMPLEMENTED)
                .build();
    }

    static Vpc vpc() {
        return new Vpc(VPC_ID, "vpc-uuid", "vpc1", ZONE, 2, Cidr.parse("172.16.0.0/16"), Optional.empty(), DnsServers.none(), false);
    }

    static Network tier() {
        NetworkOffering offering = offering(EgressPolicy.DENY, false,
                List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.SOURCE_NAT, Service.NETWORK_ACL, Service.LB, Service.GATEWAY),
                Provider.VPC_VIRTUAL_ROUTER);
        return Network.builder(TIER_ID, "tier-uuid", "tier1", ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("172.16.1.0/24"), IpAddress.parse("172.16.1.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .vpcId(VPC_ID)
                .offering(offering)
                .state(Network.State.IMPLEMENTED)
                .build();
    }

    static DomainRouter router() {
        return DomainRouter.builder(12, "router-uuid", 1, HypervisorType.KVM, 7)
                .networkIds(List.of(NETWORK_ID))
                .controlIp(CONTROL_IP)
                .publicIp(SOURCE_NAT_IP)
                .guestIps(Map.of(NETWORK_ID, GUEST_IP))
                .placement(1, 3)
                .state(RouterState.RUNNING)
                .build();
    }

    static DomainRouter vpcRouter() {
        return DomainRouter.builder(14, "vpc-router-uuid", 1, HypervisorType.KVM, 7)
                .networkIds(List.of(TIER_ID))
                .vpcId(VPC_ID)
                .controlIp(IpAddress.parse("169.254.3.50"))
                .guestIps(Map.of(TIER_ID, IpAddress.parse("172.16.1.1")))
                .placement(1, 3)
                .state(RouterState.RUNNING)
                .build();
    }

    /** The VPC router's NIC in tier 301: eth2, VLAN 100, the tier's gateway address. */
    static Nic tierNic() {
        return Nic.builder(TIER_ID, 2, TrafficType.GUEST, MacAddress.parse("02:00:56:36:00:02"))
                .ipv4(IpAddress.parse("172.16.1.1"), GUEST_NETMASK)
                .broadcastUri(BroadcastUri.vlan(100))
                .build();
    }

    static Nic nic(long networkId, String ip, String mac, boolean defaultNic) {
        IpAddress address = IpAddress.parse(ip);
        IpAddress gateway = networkId == TIER_ID ? IpAddress.parse("172.16.1.1") : GATEWAY;
        return Nic.builder(networkId, defaultNic ? 0 : 1, TrafficType.GUEST, MacAddress.parse(mac))
                .ipv4(address, GUEST_NETMASK, gateway)
                .defaultNic(defaultNic)
                .build();
    }

    /** A Running user VM with its default NIC in network 204. */
    static VirtualMachineProfile vm(long id, String hostName, String ip, String mac) {
        return vm(id, hostName, nic(NETWORK_ID, ip, mac, true));
    }

    static VirtualMachineProfile vm(long id, String hostName, Nic... nics) {
        VirtualMachine vm = VirtualMachine.of(id, "vm-uuid-" + id, "i-2-" + id + "-VM", hostName, VirtualMachine.Type.USER,
                VirtualMachine.State.RUNNING);
        return VirtualMachineProfile.of(vm, List.of(nics), TEMPLATE, SMALL);
    }

    static PublicIpAddress publicIp(String address, int vlan) {
        return PublicIpAddress.of(IpAddress.parse(address), BroadcastUri.vlan(vlan), PUBLIC_GATEWAY, PUBLIC_NETMASK, NETWORK_ID);
    }

    static PublicIpAddress sourceNatIp() {
        return publicIp("203.0.113.20", 100).asSourceNat();
    }
}
