package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.Protocol;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VpcVirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.hypervisor.netns.NetnsHypervisor;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestVpc;

/**
 * A VPC router in a real namespace: two tiers plugged into it after boot, a guest in each with a
 * static address, and tier 2's ACL allowing one port and denying another. Traffic from tier 1 to
 * tier 2 must pass the router's ACL accordingly. Everything is deleted afterwards, and no namespace
 * of the run is left.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class NetnsVpcTest {
    private static final int ALLOWED_PORT = 8080;
    private static final int DENIED_PORT = 8081;

    private final IpTool ip = IpTool.system();
    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Path work;
    private NetnsNames names;
    private NetnsHypervisor hypervisor;
    private GuestVm client;
    private GuestVm server;
    private Network tier2;

    @BeforeAll
    void twoTiersWithAnAclBetweenThem() throws IOException {
        RootTools.requireRootAndTools();
        work = Files.createTempDirectory("vrouter-vpc-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        names = NetnsNames.unique("vv");
        hypervisor = NetnsHypervisor.builder(work.resolve("routers")).names(names).build();
        TestCloud cloud = TestCloud.advanced(HypervisorType.NETNS);
        TestVpc vpc = new TestVpc(cloud, 7, 20);
        VpcVirtualRouterElement element = element(cloud, vpc);
        Network tier1 = vpc.addTier();
        tier2 = vpc.addTier();
        vpc.acl(tier2, List.of(
                item(10, NetworkAclItem.Action.ALLOW, ALLOWED_PORT),
                item(20, NetworkAclItem.Action.DENY, DENIED_PORT)));
        element.implement(tier1, tier1.offering(), cloud.destination());
        element.implement(tier2, tier2.offering(), cloud.destination());

        client = guest(tier1, "c1", MacAddress.parse("02:00:14:01:00:0a"), "10.20.1.10");
        server = guest(tier2, "s2", MacAddress.parse("02:00:14:02:00:0a"), "10.20.2.10");
        opened.add(GuestProbes.httpResponder(server, ALLOWED_PORT, "allowed"));
        opened.add(GuestProbes.httpResponder(server, DENIED_PORT, "denied"));
    }

    @AfterAll
    void deleteEverything() throws Exception {
        try {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
        }
        finally {
            agentThreads.shutdownNow();
            if (hypervisor != null) {
                hypervisor.close();
                assertThat(ip.namespaces()).noneMatch(names::owns);
            }
            if (work != null) {
                NetnsVrouterTest.deleteTree(work);
            }
        }
    }

    @Test
    void theAclLetsTheAllowedPortIntoTheOtherTierAndDropsTheDeniedOne() throws IOException {
        assertThat(GuestProbes.httpGet(client, server.addresses().get(0).address(), ALLOWED_PORT)).contains("allowed");
        assertThat(GuestProbes.httpGet(client, server.addresses().get(0).address(), DENIED_PORT)).isEmpty();
    }

    @Test
    void theRouterHasOneNicPerTierBesidesControlAndPublic() {
        var router = hypervisor.routers().iterator().next();
        assertThat(router.nics()).extracting(nic -> nic.deviceId(), nic -> nic.trafficType())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, TrafficType.CONTROL), org.assertj.core.groups.Tuple.tuple(1, TrafficType.PUBLIC),
                        org.assertj.core.groups.Tuple.tuple(2, TrafficType.GUEST), org.assertj.core.groups.Tuple.tuple(3, TrafficType.GUEST));
        assertThat(tier2.id()).isEqualTo(501);
    }

    private VpcVirtualRouterElement element(TestCloud cloud, TestVpc vpc) {
        RecordingAgentManager agents = new RecordingAgentManager(new AgentManagerImpl(agentThreads, Metrics.NOOP));
        agents.register(cloud.host().id(), hypervisor);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory());
        RouterManagerImpl manager = new RouterManagerImpl(new InMemoryRouterDao(), agents, guru, helper, vpc,
                new HostCandidates(List.of(cloud.destination())), Clock.systemUTC(),
                RouterManagerSettings.of(Map.of(HypervisorType.NETNS, cloud.routerTemplate())));
        return new VpcVirtualRouterElement(manager, vpc);
    }

    private GuestVm guest(Network tier, String name, MacAddress mac, String address) throws IOException {
        String bridge = hypervisor.network().bridge(TrafficType.GUEST, tier.broadcastUri());
        GuestVm guest = GuestVm.create(hypervisor.network(), name, mac, bridge);
        opened.add(guest);
        guest.configureStatic(new Cidr(org.vrouter.api.net.IpAddress.parse(address), 24), Optional.of(tier.gateway().orElseThrow()));
        return guest;
    }

    private static NetworkAclItem item(int number, NetworkAclItem.Action action, int port) {
        return NetworkAclItem.of(number, number, action, Direction.INGRESS, Protocol.TCP).withPorts(PortRange.of(port, port));
    }
}
