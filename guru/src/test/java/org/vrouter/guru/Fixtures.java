package org.vrouter.guru;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.dc.Cluster;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;

/** The zone, networks and routers of the wire-format examples (§9.3), and variations of them. */
public final class Fixtures {
    /** The management server key whose base64 the wire-format examples start with ({@code c3NoLXJzYSBB...}). */
    public static final String MANAGEMENT_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7/vmrouter";
    public static final String ENCODED_KEY = "c3NoLXJzYSBBQUFBQjNOemFDMXljMkVBQUFBREFRQUJBQUFCQVFDNy92bXJvdXRlcg==";
    public static final long ISOLATED_NETWORK = 204;
    public static final Zone ZONE = new Zone(1, "zone-1", "zone1", NetworkType.ADVANCED, DnsServers.ipv4(ip("8.8.8.8"), ip("8.8.4.4")),
            Optional.empty());
    public static final Pod POD = new Pod(3, "pod-3", "pod3", 1, Cidr.parse("192.168.10.0/24"), ip("192.168.10.1"));

    private Fixtures() {}

    public static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    public static GuruSettings settings() {
        return GuruSettings.builder().managementPublicKey(MANAGEMENT_KEY).build();
    }

    public static NetworkOffering isolatedOffering(boolean redundant) {
        Map<Service, Provider> services = new LinkedHashMap<>();
        for (Service service : List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.FIREWALL, Service.LB, Service.SOURCE_NAT,
                Service.STATIC_NAT, Service.PORT_FORWARDING, Service.VPN, Service.GATEWAY)) {
            services.put(service, Provider.VIRTUAL_ROUTER);
        }
        return new NetworkOffering(redundant ? 11 : 10, redundant ? "offering-redundant" : "offering-isolated", "isolated", services,
                redundant, EgressPolicy.DENY, OptionalLong.empty(), false);
    }

    public static NetworkOffering sharedOffering() {
        Map<Service, Provider> services = new LinkedHashMap<>();
        for (Service service : List.of(Service.DHCP, Service.DNS, Service.USER_DATA)) {
            services.put(service, Provider.VIRTUAL_ROUTER);
        }
        return new NetworkOffering(12, "offering-shared", "shared", services, false, EgressPolicy.DENY, OptionalLong.empty(), false);
    }

    public static NetworkOffering vpcOffering() {
        Map<Service, Provider> services = new LinkedHashMap<>();
        for (Service service : List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.SOURCE_NAT, Service.STATIC_NAT,
                Service.PORT_FORWARDING, Service.LB, Service.VPN, Service.NETWORK_ACL, Service.GATEWAY)) {
            services.put(service, Provider.VPC_VIRTUAL_ROUTER);
        }
        return new NetworkOffering(13, "offering-vpc", "vpc tier", services, false, EgressPolicy.DENY, OptionalLong.empty(), false);
    }

    /** Isolated network 204, 10.1.1.0/24 on VLAN 1001, domain {@code cs2cloud.internal}. */
    public static Network.Builder isolated(NetworkOffering offering) {
        return Network.builder(ISOLATED_NETWORK, "net-204", "isolated", ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("10.1.1.0/24"), ip("10.1.1.1"))
                .broadcastUri(BroadcastUri.vlan(1001))
                .networkDomain("cs2cloud.internal")
                .offering(offering)
                .state(Network.State.IMPLEMENTED);
    }

    /** Shared network 205, 10.2.0.0/16 on VLAN 50 with its own gateway 10.2.0.1. */
    public static Network.Builder shared() {
        return Network.builder(205, "net-205", "shared", ZONE, TrafficType.GUEST)
                .accountId(1)
                .guestType(GuestType.SHARED)
                .ipv4(Cidr.parse("10.2.0.0/16"), ip("10.2.0.1"))
                .broadcastUri(BroadcastUri.vlan(50))
                .networkDomain("shared.internal")
                .offering(sharedOffering())
                .state(Network.State.IMPLEMENTED);
    }

    public static Vpc vpc(boolean redundant) {
        return new Vpc(7, "6f1b9a52-7c2e-4d3a-9f10-3b8e5c2d1a40", "vpc1", zoneWithOneDns(), 2, Cidr.parse("172.16.0.0/16"),
                Optional.of("vpc1.internal"), DnsServers.none(), redundant);
    }

    /** The zone of the VPC example: one name server. */
    public static Zone zoneWithOneDns() {
        return new Zone(1, "zone-1", "zone1", NetworkType.ADVANCED, DnsServers.ipv4(ip("8.8.8.8")), Optional.empty());
    }

    /** Tier 301 of VPC 7: 172.16.1.0/24. */
    public static Network vpcTier() {
        return Network.builder(301, "tier-301", "tier1", zoneWithOneDns(), TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("172.16.1.0/24"), ip("172.16.1.1"))
                .broadcastUri(BroadcastUri.vlan(1301))
                .networkDomain("vpc1.internal")
                .vpcId(7)
                .offering(vpcOffering())
                .state(Network.State.IMPLEMENTED)
                .build();
    }

    /** The source NAT address of the isolated examples: 203.0.113.20/24 on VLAN 100. */
    public static PublicIpAddress sourceNat() {
        return PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.vlan(100), ip("203.0.113.1"), Netmask.parse("255.255.255.0"),
                ISOLATED_NETWORK).asSourceNat();
    }

    public static DomainRouter.Builder router(long id, HypervisorType hypervisor, long... networkIds) {
        return DomainRouter.builder(id, "router-" + id, ZONE.id(), hypervisor, 1)
                .networkIds(java.util.Arrays.stream(networkIds).boxed().toList());
    }

    public static DeployDestination destination(HypervisorType hypervisor) {
        Cluster cluster = new Cluster(5, "cluster-5", "cluster5", POD.id(), ZONE.id(), hypervisor);
        Host host = new Host(9, "host-9", "host9", hypervisor, ip("192.168.10.20"), cluster.id(), POD.id(), ZONE.id());
        return DeployDestination.of(ZONE, POD, cluster, host);
    }

    /** A router's profile before the guru finalizes it: these NICs, no boot arguments. */
    public static VirtualMachineProfile profile(DomainRouter router, List<Nic> nics) {
        VirtualMachine vm = VirtualMachine.of(router.id(), router.uuid(), router.instanceName(), router.instanceName(),
                VirtualMachine.Type.DOMAIN_ROUTER, VirtualMachine.State.STARTING);
        VmTemplate template = new VmTemplate(1, "systemvm", "SystemVM Template", router.hypervisorType(), false);
        return new VirtualMachineProfile(vm, nics, BootArgs.empty(), template, GuruSettings.DEFAULT_SERVICE_OFFERING, Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
