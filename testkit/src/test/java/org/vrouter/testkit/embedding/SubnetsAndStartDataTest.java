package org.vrouter.testkit.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.address.IpAlias;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkUsage;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CreateIpAliasCommand;
import org.vrouter.commands.DeleteIpAliasCommand;
import org.vrouter.commands.DnsMasqConfigCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.VmDataEntry;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * Through the whole management side over the simulator: a shared network's IP aliases, a restart's
 * VM data naming a static-NATed VM's own public address, and an isolated router's byte counters.
 */
class SubnetsAndStartDataTest {
    @TempDir
    Path work;

    @Test
    void ipAliasesGoOutAsAliasCommandThenDnsmasqSubnetsAndReachTheRoutersAddresses() {
        TestCloud cloud = TestCloud.advanced();
        TestNetwork shared = cloud.sharedNetwork();
        try (SimulatedVrouter vrouter = SimulatedVrouter.start(cloud, work)) {
            vrouter.element().implement(shared.network(), shared.network().offering(), cloud.destination());
            IpAlias alias = IpAlias.of(shared.id(), 1, IpAddress.parse("10.9.2.1"), Cidr.parse("10.9.2.0/24"), IpAddress.parse("10.9.2.254"));
            vrouter.agents().clear();

            vrouter.manager().applyIpAliases(shared.network(), List.of(alias));
            vrouter.manager().applyIpAliases(shared.network(), List.of(alias.revoke()));

            assertThat(vrouter.agents().recorded()).<Class<?>>extracting(recorded -> recorded.command().getClass()).containsExactly(
                    CreateIpAliasCommand.class, DnsMasqConfigCommand.class, DeleteIpAliasCommand.class, DnsMasqConfigCommand.class);
            assertThat(vrouter.agents().failures()).isEmpty();
            DnsMasqConfigCommand first = vrouter.agents().commandsOfType(DnsMasqConfigCommand.class).get(0);
            assertThat(first.entries()).hasSize(2);
            assertThat(first.entries().get(1).routerIp()).isEqualTo(alias.ipAddress());
        }
    }

    @Test
    void aRestartedRoutersVmDataGivesAStaticNatedVmItsOwnPublicAddress() {
        TestCloud cloud = TestCloud.advanced();
        try (SimulatedVrouter vrouter = SimulatedVrouter.start(cloud, work)) {
            IsolatedNetworkScenario scenario = new IsolatedNetworkScenario(vrouter);
            scenario.run();
            TestNetwork network = scenario.network();
            VirtualMachineProfile natted = network.vm(0);
            IpAddress staticNatIp = network.staticNats().get(0).publicIp();
            DomainRouter router = vrouter.router(network);
            vrouter.agents().clear();

            vrouter.manager().reboot(router.id());

            VmDataCommand vmData = vrouter.agents().commandsOfType(VmDataCommand.class).stream()
                    .filter(command -> command.vmIpAddress().equals(network.ipOf(natted))).findFirst().orElseThrow();
            assertThat(vmData.entries()).filteredOn(entry -> entry.file().equals("public-ipv4")).extracting(VmDataEntry::contents)
                    .containsExactly(staticNatIp.value());
        }
    }

    @Test
    void readsAnIsolatedRoutersByteCounters() {
        TestCloud cloud = TestCloud.advanced();
        TestNetwork network = cloud.isolatedNetwork();
        try (SimulatedVrouter vrouter = SimulatedVrouter.start(cloud, work)) {
            vrouter.element().implement(network.network(), network.network().offering(), cloud.destination());
            DomainRouter router = vrouter.router(network);

            NetworkUsage usage = vrouter.manager().networkUsage(router.id(), false);

            assertThat(usage).isEqualTo(new NetworkUsage(router.id(), 0, 0));
            assertThat(vrouter.agents().commandsOfType(NetworkUsageCommand.class)).singleElement()
                    .satisfies(command -> assertThat(command.forVpc()).isFalse());
        }
    }
}
