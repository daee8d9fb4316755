package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;

/**
 * The management side over a VMware host: {@link VirtualRouterElement} -> router manager -> agent
 * manager -> {@link VmwareRouterResource} registered for the host -> the vCenter simulator, and the
 * router's configuration over SSH to its control address. The pod's management network is loopback
 * ({@code 127.0.0.0/24}, control range {@code 127.0.0.1}), where the fake router's sshd listens.
 */
class VirtualRouterElementOnVmwareTest {
    private static final Zone ZONE = new Zone(1, "zone-1", "zone1", NetworkType.ADVANCED, DnsServers.ipv4(IpAddress.parse("8.8.8.8")),
            Optional.empty());
    private static final Pod POD = new Pod(3, "pod-3", "pod3", 1, Cidr.parse("127.0.0.0/24"), IpAddress.parse("127.0.0.254"));
    private static final Cluster CLUSTER = new Cluster(5, "cluster-5", VcSimulator.STANDALONE_HOST, 3, 1, HypervisorType.VMWARE);
    private static final Host HOST = new Host(9, "host-9", VcSimulator.STANDALONE_HOST, HypervisorType.VMWARE, IpAddress.parse("127.0.0.1"),
            5, 3, 1);
    private static final DeployDestination DESTINATION = DeployDestination.of(ZONE, POD, CLUSTER, HOST);
    private static final VmTemplate TEMPLATE = new VmTemplate(8, "systemvm-vmware", "systemvm-vmware", HypervisorType.VMWARE, false);
    private static final long NETWORK_ID = 204;

    private VcSimulator simulator;
    private FakeRouterSshd sshd;
    private VmwareRouterResource resource;
    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private VirtualRouterElement element;
    private RouterManagerImpl manager;
    private Network network;

    @BeforeEach
    void wireTheManagementSide() throws Exception {
        simulator = VcSimulator.start();
        sshd = FakeRouterSshd.start();
        try (SimulatorInventory inventory = SimulatorInventory.connect(simulator.sdkUrl())) {
            inventory.addPortGroups(VcSimulator.STANDALONE_HOST, RouterFixtures.PORT_GROUPS);
        }
        resource = VmwareRouterResource.builder(RouterFixtures.settings(simulator.sdkUrl()).build(), sshd.settings()).build();
        AgentManagerImpl agents = new AgentManagerImpl(agentThreads, Metrics.NOOP, Duration.ofSeconds(60), Duration.ofSeconds(1));
        agents.register(HOST.id(), resource);
        network = network();
        NetworkConfiguration configuration = NetworkConfiguration.builder(network).publicIps(List.of(sourceNat())).build();
        CommandSetupHelper helper = new CommandSetupHelper();
        GuruSettings guru = GuruSettings.defaults().toBuilder()
                .podManagementRange(POD.id(), IpRange.parse("range", "127.0.0.1-127.0.0.1"))
                .managementCidr(Cidr.parse("127.0.0.0/24"))
                .build();
        manager = new RouterManagerImpl(new InMemoryRouterDao(), agents,
                new RouterGuru(guru, new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory()), helper,
                id -> configuration, new HostCandidates(List.of(DESTINATION)), Clock.systemUTC(),
                RouterManagerSettings.builder(Map.of(HypervisorType.VMWARE, TEMPLATE))
                        .startWait(Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)).build());
        element = new VirtualRouterElement(manager, id -> configuration);
    }

    @AfterEach
    void stop() throws Exception {
        agentThreads.shutdownNow();
        if (sshd != null) {
            sshd.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void implementingANetworkStartsItsRouterOnVcenterAndConfiguresItOverSsh() throws Exception {
        element.implement(network, network.offering(), DESTINATION);

        DomainRouter router = manager.routers(NETWORK_ID).get(0);
        assertThat(router.state()).isEqualTo(RouterState.RUNNING);
        VmInfo vm = resource.findVm(router.instanceName()).orElseThrow();
        assertThat(vm.powerState()).isEqualTo(PowerState.ON);
        assertThat(vm.nics()).extracting(nic -> nic.portGroup()).containsExactly(RouterFixtures.GUEST_PORT_GROUP,
                RouterFixtures.CONTROL_PORT_GROUP, RouterFixtures.PUBLIC_PORT_GROUP);
        assertThat(vm.machineId().orElseThrow()).contains("name=" + router.instanceName(), "eth1ip=127.0.0.1", "mgmtcidr=127.0.0.0/24",
                "type=router");
        assertThat(sshd.commandLines()).anyMatch(line -> line.startsWith("/opt/cloud/bin/vr_cfg.sh -c /var/cache/cloud/VR-"));
        assertThat(sshd.files().keySet()).anyMatch(file -> file.startsWith("/var/cache/cloud/VR-"));
    }

    @Test
    void shuttingTheNetworkDownStopsTheRouterVm() throws Exception {
        element.implement(network, network.offering(), DESTINATION);
        String name = manager.routers(NETWORK_ID).get(0).instanceName();

        element.shutdown(network, false);

        assertThat(resource.findVm(name).orElseThrow().powerState()).isEqualTo(PowerState.OFF);
    }

    private static Network network() {
        Map<Service, Provider> services = new LinkedHashMap<>();
        for (Service service : List.of(Service.DHCP, Service.DNS, Service.USER_DATA, Service.FIREWALL, Service.SOURCE_NAT, Service.STATIC_NAT,
                Service.PORT_FORWARDING, Service.GATEWAY)) {
            services.put(service, Provider.VIRTUAL_ROUTER);
        }
        NetworkOffering offering = new NetworkOffering(10, "offering-isolated", "isolated", services, false, EgressPolicy.DENY,
                OptionalLong.empty(), false);
        return Network.builder(NETWORK_ID, "net-204", "isolated-204", ZONE, TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .ipv4(Cidr.parse("10.1.1.0/24"), IpAddress.parse("10.1.1.1"))
                .broadcastUri(BroadcastUri.vlan(1001))
                .networkDomain("cloud.internal")
                .offering(offering)
                .state(Network.State.IMPLEMENTED)
                .build();
    }

    private static PublicIpAddress sourceNat() {
        return PublicIpAddress.of(IpAddress.parse("203.0.113.10"), BroadcastUri.vlan(100), IpAddress.parse("203.0.113.1"),
                Netmask.parse("255.255.255.0"), NETWORK_ID).asSourceNat();
    }
}
