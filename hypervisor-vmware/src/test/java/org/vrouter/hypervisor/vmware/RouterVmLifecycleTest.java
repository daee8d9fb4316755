package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StopCommand;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmPlacement;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;
import org.vrouter.hypervisor.vmware.vsphere.VmTask;
import org.vrouter.hypervisor.vmware.vsphere.VsphereClient;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/** The lifecycle's decisions where the simulator cannot show them: a guest that will not shut down, a task that fails. */
class RouterVmLifecycleTest {
    private static final VmwareSettings SETTINGS = RouterFixtures.settings(URI.create("https://vcenter.example/sdk"))
            .shutdownTimeout(Duration.ofMillis(300)).build();

    private final FakeVcenter vcenter = new FakeVcenter();
    private final RouterVmLifecycle lifecycle = new RouterVmLifecycle(SETTINGS, endpoint -> vcenter);

    @Test
    void powersOffWhenTheGuestRefusesToShutDown() {
        vcenter.running("r-1-VM");
        vcenter.shutdownFault = Optional.of(new VsphereException("ShutdownGuest of r-1-VM failed: ToolsUnavailable", Optional.of("ToolsUnavailable")));

        Answer answer = lifecycle.stop(StopCommand.graceful("r-1-VM"));

        assertThat(answer.success()).isTrue();
        assertThat(answer.details()).isEqualTo("VM r-1-VM powered off");
        assertThat(vcenter.calls).containsExactly("shutdownGuest r-1-VM", "run POWER_OFF r-1-VM");
    }

    @Test
    void powersOffWhenTheGuestDoesNotShutDownInTime() {
        vcenter.running("r-1-VM");
        vcenter.guestIgnoresShutdown = true;

        long started = System.nanoTime();
        Answer answer = lifecycle.stop(StopCommand.graceful("r-1-VM", Duration.ofMillis(250)));

        assertThat(answer.details()).isEqualTo("VM r-1-VM powered off");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        assertThat(vcenter.calls).containsSequence("shutdownGuest r-1-VM").endsWith("run POWER_OFF r-1-VM");
    }

    @Test
    void aFailedPowerOnFailsTheStartWithTheFault() {
        vcenter.taskFault = Optional.of(new VsphereException("PowerOnVM_Task of r-1-VM failed: InsufficientResourcesFault",
                Optional.of("InsufficientResourcesFault")));

        StartAnswer answer = lifecycle.start(RouterFixtures.router(1).build());

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).isEqualTo("cannot start r-1-VM: PowerOnVM_Task of r-1-VM failed: InsufficientResourcesFault");
    }

    /** A vCenter in memory: VMs by name, every call recorded; each {@code connect} hands out the same client. */
    private static final class FakeVcenter implements VsphereClient {
        final List<String> calls = new ArrayList<>();
        final Map<String, VmInfo> vms = new HashMap<>();
        Optional<VsphereException> shutdownFault = Optional.empty();
        Optional<VsphereException> taskFault = Optional.empty();
        boolean guestIgnoresShutdown;

        void running(String name) {
            vms.put(name, new VmInfo(name, PowerState.ON, 1, 256, List.of(), Map.of()));
        }

        @Override
        public Optional<VmInfo> findVm(String datacenter, String name) {
            return Optional.ofNullable(vms.get(name));
        }

        @Override
        public Set<String> networks(String datacenter) {
            return Set.copyOf(RouterFixtures.PORT_GROUPS);
        }

        @Override
        public void createVm(VmSpec spec, Duration timeout) {
            calls.add("createVm " + spec.name());
            vms.put(spec.name(), new VmInfo(spec.name(), PowerState.OFF, spec.cpus(), spec.memoryMb(), spec.nics(), spec.extraConfig()));
        }

        @Override
        public void run(VmTask task, VmPlacement placement, String name, Duration timeout) throws VsphereException {
            calls.add("run " + task + " " + name);
            if (taskFault.isPresent()) {
                throw taskFault.get();
            }
            VmInfo vm = vms.get(name);
            switch (task) {
                case POWER_ON -> vms.put(name, withPower(vm, PowerState.ON));
                case POWER_OFF -> vms.put(name, withPower(vm, PowerState.OFF));
                case DESTROY -> vms.remove(name);
            }
        }

        @Override
        public void shutdownGuest(String datacenter, String name) throws VsphereException {
            calls.add("shutdownGuest " + name);
            if (shutdownFault.isPresent()) {
                throw shutdownFault.get();
            }
            if (!guestIgnoresShutdown) {
                vms.put(name, withPower(vms.get(name), PowerState.OFF));
            }
        }

        @Override
        public void close() {
            // nothing to log out of
        }

        private static VmInfo withPower(VmInfo vm, PowerState state) {
            return new VmInfo(vm.name(), state, vm.cpus(), vm.memoryMb(), vm.nics(), vm.extraConfig());
        }
    }
}
