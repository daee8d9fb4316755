package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.StartCommand;
import org.vrouter.hypervisor.vmware.vsphere.VsphereEndpoint;

/** A vCenter that answers too late: the resource gives up within its bound and says where. */
class VmwareRouterResourceOnSlowVcenterTest {
    @Test
    void failsAStartWhosePowerOnOutlivesTheCallTimeout() throws Exception {
        try (VcSimulator simulator = VcSimulator.start("-delay", "PowerOnVM_Task=3000");
                FakeRouterSshd sshd = FakeRouterSshd.start();
                SimulatorInventory inventory = SimulatorInventory.connect(simulator.sdkUrl())) {
            inventory.addPortGroups(VcSimulator.STANDALONE_HOST, RouterFixtures.PORT_GROUPS);
            VmwareSettings defaults = RouterFixtures.settings(simulator.sdkUrl()).build();
            VmwareSettings impatient = VmwareSettings.builder(new VsphereEndpoint(simulator.sdkUrl(), VcSimulator.USER,
                    Secret.of(VcSimulator.PASSWORD), true, Duration.ofSeconds(1)), defaults.placement()).build();
            VmwareRouterResource resource = VmwareRouterResource.builder(impatient, sshd.settings()).build();

            long started = System.nanoTime();
            Answer answer = resource.execute(StartCommand.of(RouterFixtures.router(1).build()));

            assertThat(answer.success()).isFalse();
            assertThat(answer.details()).isEqualTo("cannot start r-1-VM: PowerOnVM_Task of r-1-VM failed: SocketTimeoutException: Read timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
