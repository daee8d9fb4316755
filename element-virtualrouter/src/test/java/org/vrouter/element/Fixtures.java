package org.vrouter.element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.Cluster;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
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
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;

/** A zone with one host, isolated networks served by the virtual router, VMs and routers in given states. */
final class Fixtures {
    static final long NETWORK_ID = 5;
    static final Zone ZONE = Zone.of(1, "zone-1", "zone1", NetworkType.ADVANCED);
    static final Pod POD = new Pod(3, "pod-3", "pod3", 1, Cidr.parse("192.168.10.0/24"), ip("192.168.10.1"));
    static final Cluster CLUSTER = new Cluster(4, "cluster-4", "cluster4", 3, 1, HypervisorType.KVM);
    static final Host HOST = new Host(6, "host-6", "kvm1", HypervisorType.KVM, ip("192.168.10.20"), 4, 3, 1);
    static final DeployDestination ZONE_DESTINATION = DeployDestination.of(ZONE);
    static final DeployDestination HOST_DESTINATION = DeployDestination.of(ZONE, POD, CLUSTER, HOST);
    static final List<Service> ALL_VR_SERVICES = List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.FIREWALL, Service.LB,
            Service.SOURCE_NAT, Service.STATIC_NAT, Service.PORT_FORWARDING, Service.VPN, Service.GATEWAY);

    private Fixtures() {
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    /** An offering mapping each service to its provider. */
    static NetworkOffering offering(Map<Service, Provider> services, boolean redundant, EgressPolicy egress, boolean systemOnly) {
        return new NetworkOffering(redundant ? 11 : 10, redundant ? "offering-redundant" : "offering-isolated", "isolated", services,
                redundant, egress, OptionalLong.empty(), systemOnly);
    }

    static NetworkOffering vrOffering(boolean redundant) {
        return offering(servedBy(Provider.VIRTUAL_ROUTER, ALL_VR_SERVICES), redundant, EgressPolicy.ALLOW, false);
    }

    static Map<Service, Provider> servedBy(Provider provider, List<Service> services) {
        Map<Service, Provider> map = new LinkedHashMap<>();
        services.forEach(service -> map.put(service, provider));
        return map;
    }

    static Network.Builder networkBuilder(NetworkOffering offering) {
        return Network.builder(NETWORK_ID, "net-5", "guest", ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .offering(offering)
                .ipv4(Cidr.parse("10.1.1.0/24"), ip("10.1.1.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .state(Network.State.IMPLEMENTED);
    }

    /** Isolated network 5 with every virtual-router service, egress allowed by default. */
    static Network network() {
        return networkBuilder(vrOffering(false)).build();
    }

    static Network redundantNetwork() {
        return networkBuilder(vrOffering(true)).build();
    }

    static Network vpcTier() {
        return networkBuilder(offering(servedBy(Provider.VPC_VIRTUAL_ROUTER, ALL_VR_SERVICES), false, EgressPolicy.DENY, false))
                .vpcId(9).build();
    }

    /** Router {@code id} of network 5 in {@code state}; Running and Stopping routers are placed on the host. */
    static DomainRouter router(long id, RouterState state) {
        DomainRouter.Builder builder = DomainRouter.builder(id, "router-" + id, 1, HypervisorType.KVM, 1)
                .networkIds(List.of(NETWORK_ID))
                .state(state);
        if (state == RouterState.RUNNING || state == RouterState.STOPPING) {
            builder.placement(POD.id(), HOST.id());
        }
        return builder.build();
    }

    static Nic nic(String address) {
        return Nic.builder(NETWORK_ID, 0, TrafficType.GUEST, MacAddress.parse("02:00:00:00:00:0a"))
                .ipv4(ip(address), Netmask.parse("255.255.255.0"), ip("10.1.1.1"))
                .defaultNic(true)
                .build();
    }

    static Nic nic() {
        return nic("10.1.1.10");
    }

    static VirtualMachineProfile userVm() {
        return vm(VirtualMachine.Type.USER, "i-2-10-VM");
    }

    static VirtualMachineProfile vm(VirtualMachine.Type type, String instanceName) {
        VirtualMachine vm = VirtualMachine.of(10, "vm-10", instanceName, "web1", type, VirtualMachine.State.STARTING);
        return VirtualMachineProfile.of(vm, List.of(nic()), new VmTemplate(20, "template-20", "debian", HypervisorType.KVM, true),
                ServiceOffering.of(30, "offering-30", "small", 1, 1000, 512));
    }

    static RemoteAccessVpn vpn() {
        return RemoteAccessVpn.forNetwork(1, NETWORK_ID, ip("203.0.113.10"), IpRange.parse("ip_range", "10.1.2.2-10.1.2.8"),
                Secret.of("psk-Secret-1"), ip("10.1.1.1"), Cidr.parse("10.1.1.0/24"));
    }

    static List<VpnUser> vpnUsers() {
        return List.of(VpnUser.of("alice", Secret.of("alice-pass")), VpnUser.of("bob", Secret.of("bob-pass")));
    }

    /** The element over {@code manager}, with network 5's configuration (holding its source NAT address). */
    static VirtualRouterElement element(FakeRouterManager manager, Metrics metrics) {
        return element(manager, new FakeConfigurations().with(NetworkConfiguration.builder(network()).publicIps(List.of(sourceNatIp())).build()),
                metrics);
    }

    static VirtualRouterElement element(FakeRouterManager manager, FakeConfigurations configurations, Metrics metrics) {
        return new VirtualRouterElement(manager, configurations, ElementSettings.defaults(), metrics);
    }

    static VirtualRouterElement element(FakeRouterManager manager) {
        return element(manager, Metrics.NOOP);
    }

    static PublicIpAddress sourceNatIp() {
        return PublicIpAddress.of(ip("203.0.113.10"), BroadcastUri.vlan(200), ip("203.0.113.1"), Netmask.parse("255.255.255.0"), NETWORK_ID)
                .asSourceNat();
    }
}
