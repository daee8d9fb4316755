package org.vrouter.hypervisor.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.command.Answer;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.bootargs.BootArgsDelivery;
import org.vrouter.hypervisor.kvm.libvirt.DomainState;
import org.vrouter.testkit.embedding.ManagementSide;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.simulator.SimulatedRouter;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

/**
 * vrouter's management side ({@link ManagementSide}: VirtualRouterElement, router manager, guru,
 * agent manager) with a {@link KvmRouterResource} registered for the cloud's KVM host. The domains
 * live in libvirt's test driver, which runs no guest: the guest is testkit's simulator, booted with
 * the boot arguments the resource delivers, and reached through its local channels where SSH would
 * reach a real router.
 */
class KvmVirtualRouterElementTest {
    @TempDir
    Path work;

    private final TestCloud cloud = TestCloud.advanced(HypervisorType.KVM);
    private LibvirtTestDriver driver;
    private SimulatorHypervisor guests;
    private final Map<String, String> delivered = new ConcurrentHashMap<>();
    private ManagementSide side;

    /** Boots the simulated guest with the boot arguments, as a router reads them at boot. */
    private final class BootIntoSimulator implements BootArgsDelivery {
        @Override
        public void deliver(VirtualMachineTO vm) throws IOException {
            delivered.put(vm.name(), vm.bootArgsLine());
            driver.track(vm.name());
            Answer booted = guests.execute(StartCommand.of(vm));
            if (!booted.success()) {
                throw new IOException("the simulated guest did not boot: " + booted.details());
            }
        }

        @Override
        public void release(String vmName) {
            guests.execute(StopCommand.forced(vmName));
        }
    }

    @BeforeEach
    void start() {
        driver = LibvirtTestDriver.open();
        guests = SimulatorHypervisor.create(work);
        KvmRouterResource kvm = KvmRouterResource.builder(driver.connection(), guests.channels()).bootArgs(new BootIntoSimulator())
                .sshProbes(3, Duration.ZERO).stopTimeout(Duration.ofSeconds(5), Duration.ofMillis(50)).build();
        side = new ManagementSide(cloud, kvm);
    }

    @AfterEach
    void stop() {
        side.close();
        driver.close();
    }

    @Test
    void anImplementedNetworkHasARunningDomainWithTheRightNicsAndBootArgs() throws Exception {
        TestNetwork net = cloud.isolatedNetwork();

        side.element().implement(net.network(), net.network().offering(), cloud.destination());

        DomainRouter router = side.router(net);
        assertThat(router.state()).isEqualTo(RouterState.RUNNING);
        String name = router.instanceName();
        assertThat(driver.connection().state(name)).contains(DomainState.RUNNING);
        VirtualMachineTO vm = side.agents().commandsOfType(StartCommand.class).get(0).vm();
        List<String> macs = vm.nics().stream().map(nic -> "<mac address='" + nic.macAddress() + "'/>").toList();
        String xml = driver.connection().xml(name);
        assertThat(xml).containsSubsequence(macs);
        NicTO control = vm.nics().stream().filter(nic -> nic.trafficType() == TrafficType.CONTROL).findFirst().orElseThrow();
        assertThat(xml).containsSubsequence("<mac address='" + control.macAddress() + "'/>", "<source bridge='cloud0'/>");
        assertThat(xml).contains("<source bridge='cloudbr0'/>", "name='org.qemu.guest_agent.0'");
        assertThat(delivered.get(name)).isEqualTo(vm.bootArgsLine()).contains("type=router", "name=" + name);
        SimulatedRouter guest = guests.router(name);
        assertThat(guest.bootArgs()).isEqualTo(vm.bootArgs());
        assertThat(guest.file("/etc/iptables/rules.v4")).contains("*nat");
    }

    @Test
    void shuttingTheNetworkDownRemovesTheDomain() throws Exception {
        TestNetwork net = cloud.isolatedNetwork();
        side.element().implement(net.network(), net.network().offering(), cloud.destination());
        String name = side.router(net).instanceName();

        side.element().shutdown(net.network(), true);

        assertThat(driver.connection().state(name)).isEmpty();
    }
}
