package org.vrouter.core.manager;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.Cluster;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.RuleState;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;

/**
 * A router manager wired as a host controller would wire it, with the real guru, agent manager,
 * DAO and command helper, and a {@link FakeHypervisor} registered for each of two hosts (9 and 10)
 * of zone 1. Networks are isolated networks 204, 205... (10.1.x.0/24) whose configuration the
 * harness holds and serves as the {@link NetworkConfigurationSource}.
 */
public final class ManagerHarness implements AutoCloseable {
    public static final Zone ZONE = new Zone(1, "zone-1", "zone1", NetworkType.ADVANCED, DnsServers.ipv4(IpAddress.parse("8.8.8.8")), Optional.empty());
    public static final Pod POD = new Pod(3, "pod-3", "pod3", 1, Cidr.parse("192.168.10.0/24"), IpAddress.parse("192.168.10.1"));
    public static final Cluster CLUSTER = new Cluster(5, "cluster-5", "cluster5", 3, 1, HypervisorType.SIMULATOR);
    public static final Host HOST_9 = host(9, "192.168.10.20");
    public static final Host HOST_10 = host(10, "192.168.10.21");
    public static final VmTemplate TEMPLATE = new VmTemplate(8, "systemvm-uuid", "systemvm", HypervisorType.SIMULATOR, false);
    public static final long NETWORK = 204;

    public final InMemoryRouterDao dao = new InMemoryRouterDao();
    public final FakeHypervisor host9 = new FakeHypervisor();
    public final FakeHypervisor host10 = new FakeHypervisor();
    public final Map<Long, NetworkConfiguration> networks = new ConcurrentHashMap<>();
    public final InMemoryAddressAllocator allocator = new InMemoryAddressAllocator();
    public final AgentManagerImpl agents;
    public final RouterManagerImpl manager;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public ManagerHarness() {
        this(RouterManagerSettings.builder(Map.of(HypervisorType.SIMULATOR, TEMPLATE))
                .startWait(Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofMillis(20))
                .lockTimeout(Duration.ofSeconds(20))
                .build());
    }

    public ManagerHarness(RouterManagerSettings settings) {
        agents = new AgentManagerImpl(executor, Metrics.NOOP, Duration.ofSeconds(20), Duration.ofSeconds(1));
        agents.register(HOST_9.id(), host9);
        agents.register(HOST_10.id(), host10);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), allocator, helper.commandFactory(), helper.commandFactory());
        NetworkConfigurationSource source = id -> {
            NetworkConfiguration configuration = networks.get(id);
            if (configuration == null) {
                throw new ResourceUnavailableException("unknown network " + id);
            }
            return configuration;
        };
        manager = new RouterManagerImpl(dao, agents, guru, helper, source,
                new HostCandidates(List.of(destination(HOST_9), destination(HOST_10))), Clock.systemUTC(), settings);
    }

    /** Lets every held command of both hosts go, so no worker stays blocked. */
    public void releaseAll() {
        host9.releaseHeld();
        host10.releaseHeld();
    }

    @Override
    public void close() {
        releaseAll();
        executor.shutdownNow();
    }

    public static Host host(long id, String address) {
        return new Host(id, "host-" + id, "host" + id, HypervisorType.SIMULATOR, IpAddress.parse(address), CLUSTER.id(), POD.id(), ZONE.id());
    }

    public static DeployDestination destination(Host host) {
        return DeployDestination.of(ZONE, POD, CLUSTER, host);
    }

    public FakeHypervisor hypervisor(long hostId) {
        return hostId == HOST_9.id() ? host9 : host10;
    }

    public static NetworkOffering offering(boolean redundant) {
        Map<Service, Provider> services = new LinkedHashMap<>();
        for (Service service : List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.FIREWALL, Service.LB, Service.SOURCE_NAT,
                Service.STATIC_NAT, Service.PORT_FORWARDING, Service.VPN, Service.GATEWAY)) {
            services.put(service, Provider.VIRTUAL_ROUTER);
        }
        return new NetworkOffering(redundant ? 11 : 10, redundant ? "offering-redundant" : "offering-isolated", "isolated", services, redundant,
                EgressPolicy.DENY, OptionalLong.empty(), false);
    }

    /** Isolated network {@code id}: 10.1.{id-200}.0/24 on VLAN {@code 1000 + id}. */
    public static Network network(long id, boolean redundant) {
        int subnet = (int) (id - 200);
        return Network.builder(id, "net-" + id, "isolated-" + id, ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("10.1." + subnet + ".0/24"), IpAddress.parse("10.1." + subnet + ".1"))
                .broadcastUri(BroadcastUri.vlan((int) (1000 + id)))
                .networkDomain("cloud.internal")
                .offering(offering(redundant))
                .state(Network.State.IMPLEMENTED)
                .build();
    }

    /** The network's source NAT address: 203.0.113.{id-200+19} on VLAN 100. */
    public static PublicIpAddress sourceNat(long networkId) {
        return PublicIpAddress.of(IpAddress.parse("203.0.113." + (networkId - 200 + 19)), BroadcastUri.vlan(100), IpAddress.parse("203.0.113.1"),
                Netmask.parse("255.255.255.0"), networkId).asSourceNat();
    }

    /** A Running guest VM with its default NIC in {@code networkId} at 10.1.x.{host}. */
    public static VirtualMachineProfile guest(long networkId, int host) {
        int subnet = (int) (networkId - 200);
        Nic nic = Nic.builder(networkId, 0, TrafficType.GUEST, MacAddress.parse(String.format("02:00:4c:5f:%02x:%02x", subnet, host)))
                .ipv4(IpAddress.parse("10.1." + subnet + "." + host), Netmask.parse("255.255.255.0"), IpAddress.parse("10.1." + subnet + ".1"))
                .defaultNic(true)
                .build();
        VirtualMachine vm = VirtualMachine.of(1000 + host, "vm-" + host, "i-2-" + (1000 + host) + "-VM", "web-" + host, VirtualMachine.Type.USER,
                VirtualMachine.State.RUNNING);
        return VirtualMachineProfile.of(vm, List.of(nic), TEMPLATE_GUEST, ServiceOffering.of(2, "small", "Small", 1, 500, 512));
    }

    private static final VmTemplate TEMPLATE_GUEST = new VmTemplate(20, "guest-template", "centos", HypervisorType.SIMULATOR, true);

    /** SSH in on the source NAT address. */
    public static FirewallRule sshRule(long networkId) {
        return FirewallRule.ingress(17, networkId, sourceNat(networkId).address(), Protocol.TCP).ports(PortRange.of(22))
                .sourceCidrs(List.of(Cidr.parse("0.0.0.0/0"))).state(RuleState.ACTIVE).build();
    }

    /** Registers network {@code id} with its source NAT address, an SSH rule and one guest VM. */
    public Network addNetwork(long id, boolean redundant) {
        Network network = network(id, redundant);
        networks.put(id, NetworkConfiguration.builder(network)
                .publicIps(List.of(sourceNat(id)))
                .firewallRules(List.of(sshRule(id)))
                .vms(List.of(guest(id, 11)))
                .build());
        return network;
    }

    public static RouterDeployment deployment(Network network) {
        return RouterDeployment.of(network, destination(HOST_9), Optional.of(sourceNat(network.id())));
    }
}
