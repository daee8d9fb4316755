package org.vrouter.guru;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.vm.Nic;
import org.vrouter.guru.address.AddressAllocator;
import org.vrouter.guru.address.AddressPool;

/**
 * A router's NICs in device order (management-side §7.1, §7.2). Isolated or shared network: guest
 * eth0, control eth1, and public eth2 when the virtual router provides SourceNat. VPC: control eth0
 * only; public and tier NICs are plugged after boot.
 */
final class NicPlanner {
    /** CloudStack's MTU for router interfaces when the network sets none. */
    static final int DEFAULT_MTU = 1500;
    /** Network detail holding a shared network's router IPv4 address. */
    static final String DETAIL_ROUTER_IP = "routerip";
    /** Network detail holding a shared network's router IPv6 address. */
    static final String DETAIL_ROUTER_IP6 = "routeripv6";

    private final GuruSettings settings;
    private final AddressAllocator allocator;

    NicPlanner(GuruSettings settings, AddressAllocator allocator) {
        this.settings = requireNonNull(settings, "settings is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    List<Nic> plan(DomainRouter router, RouterDeployment deployment) {
        if (deployment.vpc().isPresent()) {
            return List.of(controlNic(router, deployment, 0));
        }
        Network network = deployment.network();
        if (network.trafficType() != TrafficType.GUEST) {
            throw new InvalidParameterException("traffic_type", "must be Guest: routers are deployed for guest networks", network.trafficType());
        }
        Optional<PublicIpAddress> sourceNat = sourceNatAddress(deployment);
        List<Nic> nics = new ArrayList<>(3);
        nics.add(guestNic(router, network, sourceNat.isPresent()));
        nics.add(controlNic(router, deployment, 1));
        sourceNat.ifPresent(address -> nics.add(publicNic(network, address)));
        return List.copyOf(nics);
    }

    /**
     * A VPC router's NICs plugged after boot: the public NIC for {@code sourceNat}, then a guest NIC
     * per tier (the tier's gateway for a single router), numbered from {@code firstDeviceId}.
     */
    List<Nic> planVpc(DomainRouter router, Optional<PublicIpAddress> sourceNat, List<Network> tiers, int firstDeviceId) {
        List<Nic> nics = new ArrayList<>(tiers.size() + 1);
        int device = firstDeviceId;
        if (sourceNat.isPresent()) {
            if (tiers.isEmpty()) {
                throw new InvalidParameterException("tiers", "is empty: the public NIC of a VPC router takes its zone DNS and MTU from a tier");
            }
            nics.add(publicNic(tiers.get(0), sourceNat.get()).toBuilder().deviceId(device++).build());
        }
        for (int i = 0; i < tiers.size(); i++) {
            Network tier = tiers.get(i);
            if (tier.vpcId().isEmpty() || router.vpcId().isEmpty() || tier.vpcId().getAsLong() != router.vpcId().getAsLong()) {
                throw new InvalidParameterException("tiers[" + i + "].vpc_id", "is not the VPC of " + router.displayName(),
                        tier.vpcId().isPresent() ? tier.vpcId().getAsLong() : "none");
            }
            nics.add(guestNic(router, tier, true).toBuilder().deviceId(device++).defaultNic(false).build());
        }
        return List.copyOf(nics);
    }

    /** The source NAT address when the virtual router provides SourceNat: it makes the public NIC. */
    private static Optional<PublicIpAddress> sourceNatAddress(RouterDeployment deployment) {
        if (!deployment.network().isProvidedBy(Service.SOURCE_NAT, Provider.VIRTUAL_ROUTER)) {
            return Optional.empty();
        }
        return Optional.of(deployment.sourceNatIp().orElseThrow(() -> new InvalidParameterException("source_nat_ip",
                "is missing: the virtual router provides SourceNat in network " + deployment.network().id())));
    }

    private Nic guestNic(DomainRouter router, Network network, boolean sourceNatRouter) {
        Optional<IpAddress> ipv4 = network.cidr().map(cidr -> guestIpv4(router, network, cidr, sourceNatRouter));
        Optional<IpAddress> ipv6 = network.ip6Cidr().map(cidr -> guestIpv6(router, network, cidr, sourceNatRouter));
        IpAddress own = ipv4.or(() -> ipv6).orElseThrow(() -> new InvalidParameterException("cidr",
                "is missing: guest network " + network.id() + " has neither an IPv4 nor an IPv6 CIDR"));
        Nic.Builder nic = Nic.builder(network.id(), 0, TrafficType.GUEST, RouterMacAddresses.guest(own))
                .defaultNic(!sourceNatRouter)
                .dns(network.effectiveDns())
                .mtu(network.privateMtu().orElse(DEFAULT_MTU));
        ipv4.ifPresent(address -> {
            Cidr cidr = network.cidr().orElseThrow();
            if (network.gateway().isPresent()) {
                nic.ipv4(address, cidr.netmask(), network.gateway().get());
            }
            else {
                nic.ipv4(address, cidr.netmask());
            }
        });
        ipv6.ifPresent(address -> nic.ipv6(address, network.ip6Cidr().orElseThrow(), network.ip6Gateway().orElseThrow(
                () -> new InvalidParameterException("ip6_gateway", "is missing for IPv6 guest network " + network.id()))));
        network.broadcastUri().ifPresent(nic::broadcastUri);
        return nic.build();
    }

    /**
     * The router's IPv4 address in the guest network: the gateway for a single source NAT router;
     * else the address the controller gave the router, a shared network's configured router IP, or
     * the lowest free address (a redundant router, whose pair shares the gateway as VRRP address).
     */
    private IpAddress guestIpv4(DomainRouter router, Network network, Cidr cidr, boolean sourceNatRouter) {
        if (sourceNatRouter && !router.redundant()) {
            return network.gateway().orElseThrow(() -> new InvalidParameterException("gateway",
                    "is missing: a source NAT router takes the gateway of network " + network.id()));
        }
        return ownAddress(router, network, AddressPool.guest(network.id(), cidr, network.gateway()), true, sourceNatRouter);
    }

    private IpAddress guestIpv6(DomainRouter router, Network network, Cidr cidr, boolean sourceNatRouter) {
        if (sourceNatRouter && !router.redundant()) {
            return network.ip6Gateway().orElseThrow(() -> new InvalidParameterException("ip6_gateway",
                    "is missing: a source NAT router takes the IPv6 gateway of network " + network.id()));
        }
        return ownAddress(router, network, AddressPool.guest(network.id(), cidr, network.ip6Gateway()), false, sourceNatRouter);
    }

    private IpAddress ownAddress(DomainRouter router, Network network, AddressPool pool, boolean ipv4, boolean sourceNatRouter) {
        Optional<IpAddress> chosen = router.guestIp(network.id()).filter(address -> address.isIpv4() == ipv4);
        if (chosen.isEmpty() && !sourceNatRouter) {
            String detail = ipv4 ? DETAIL_ROUTER_IP : DETAIL_ROUTER_IP6;
            chosen = network.detail(detail).map(text -> IpAddress.parse("details." + detail, text));
        }
        if (chosen.isPresent()) {
            allocator.claim(pool, router.id(), chosen.get());
            return chosen.get();
        }
        return allocator.allocate(pool, router.id());
    }

    private Nic controlNic(DomainRouter router, RouterDeployment deployment, int device) {
        return switch (router.hypervisorType()) {
            case VMWARE -> podControlNic(router, deployment, device);
            case KVM, XENSERVER, NETNS, SIMULATOR -> linkLocalControlNic(router, deployment, device);
        };
    }

    /** KVM, XenServer and the namespace backends reach the router over the host's link-local bridge. */
    private Nic linkLocalControlNic(DomainRouter router, RouterDeployment deployment, int device) {
        OptionalLong pod = deployment.destination().pod().map(p -> OptionalLong.of(p.id())).orElse(router.podId());
        AddressPool pool = AddressPool.linkLocal(router.zoneId(), pod, settings.controlCidr(), settings.controlGateway());
        IpAddress address = allocator.allocate(pool, router.id());
        return Nic.builder(settings.controlNetworkId(), device, TrafficType.CONTROL, RouterMacAddresses.linkLocal(address))
                .ipv4(address, settings.controlCidr().netmask(), settings.controlGateway())
                .build();
    }

    /**
     * VMware routers are reached at a pod management address ("we have to get management/private
     * ip for the control nic for vmware due ssh issues", as CloudStack puts it).
     */
    private Nic podControlNic(DomainRouter router, RouterDeployment deployment, int device) {
        Pod pod = deployment.destination().pod().orElseThrow(() -> new InvalidParameterException("pod_id",
                "is missing: a VMware router's control address is a pod management address"));
        IpRange range = settings.podManagementRange(pod.id()).orElseThrow(() -> new InvalidParameterException("pod_management_ranges",
                "has no range for pod " + pod.id() + ": VMware routers take their control address from it"));
        if (!range.isWithin(pod.cidr())) {
            throw new InvalidParameterException("pod_management_ranges[" + pod.id() + "]", "not inside the pod CIDR " + pod.cidr(), range);
        }
        IpAddress address = allocator.allocate(AddressPool.podManagement(pod.id(), range, pod.gateway()), router.id());
        return Nic.builder(settings.controlNetworkId(), device, TrafficType.CONTROL, RouterMacAddresses.podManagement(address))
                .ipv4(address, pod.cidr().netmask(), pod.gateway())
                .build();
    }

    /** The default NIC of a source NAT router: the source NAT address on its public VLAN. */
    private Nic publicNic(Network network, PublicIpAddress address) {
        return Nic.builder(settings.publicNetworkId(), 2, TrafficType.PUBLIC,
                        address.macAddress().orElseGet(() -> RouterMacAddresses.publicAddress(address.address())))
                .ipv4(address.address(), address.netmask(), address.gateway())
                .broadcastUri(address.broadcastUri())
                .defaultNic(true)
                .dns(network.zone().dns())
                .mtu(network.publicMtu().orElse(DEFAULT_MTU))
                .build();
    }
}
