package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.core.routing.RouterCommandDispatcher;
import org.vrouter.core.routing.RoutingBuilder;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VsphereConnector;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;
import org.vrouter.hypervisor.vmware.yavijava.YavijavaConnector;

/**
 * A {@link HypervisorResource} of type {@link HypervisorType#VMWARE}: routers are VMs on vCenter,
 * driven like CloudStack's {@code VmwareResource} from the management side, through a small
 * vSphere interface of ours ({@link VsphereConnector}; yavijava by default).
 *
 * <ul>
 *   <li>{@link StartCommand}: the VM is created in one {@code CreateVM_Task} where
 *       {@link VmwareSettings#placement()} says, sized and wired as {@link RouterVms} describes
 *       (VMXNET3 adapters on the port groups {@link PortGroupNaming} names, boot arguments in
 *       extraConfig {@code machine.id}), then powered on. Every port group must exist: a missing
 *       one fails the start before anything is created, naming it. A VM of the same name left over
 *       (a crash, a lost answer, a previous stop) is reused when it is powered off with the same
 *       vCPUs, memory, adapters and boot arguments; any other leftover is powered off and destroyed
 *       first.
 *   <li>{@link StopCommand}: graceful asks the guest to shut down (VMware Tools) and waits up to
 *       the command's timeout or {@link VmwareSettings#shutdownTimeout()}, then powers off; forced
 *       powers off at once. The VM stays registered (as on CloudStack), so the next start can
 *       reuse it; {@link #destroy} removes it. A missing VM counts as stopped.
 *   <li>{@link CheckVirtualMachineCommand}: the VM's runtime power state; MISSING when vCenter
 *       has no VM of that name.
 *   <li>{@link CheckSshCommand}: one TCP connect to the router's control address on the SSH port
 *       of the {@link SshSettings} (3922 by default); the manager retries.
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link VirtualRoutingResource}
 *       over {@link SshRouterChannel}s straight to the router's control address (a pod management
 *       address on VMware, no host in between). An IP association first gets each address's
 *       {@code nic_dev_id} from the router's NICs ({@link NicDevices}): as this resource started
 *       them, else the VM's adapters in vCenter (a router started before this resource was made).
 * </ul>
 *
 * The switch is core's {@link RouterCommandDispatcher} over this module's VM side.
 *
 * <p>Every vSphere fault, failed task or task outliving {@link VmwareSettings#taskTimeout()} is
 * a failed answer carrying the fault's message. Each command logs in to vCenter and out again.
 * Thread-safe; commands for one router are serialized.
 */
public final class VmwareRouterResource implements HypervisorResource {
    private final VmwareSettings settings;
    private final RouterVmLifecycle lifecycle;
    private final VmwareVmDriver vms;
    private final RouterCommandDispatcher dispatcher;

    private VmwareRouterResource(Builder builder) {
        this.settings = builder.settings;
        this.lifecycle = new RouterVmLifecycle(settings, builder.connector);
        this.vms = new VmwareVmDriver(settings, builder.ssh.port(), lifecycle);
        this.dispatcher = new RouterCommandDispatcher("the VMware resource", vms, SshRouterChannel.factory(builder.ssh), builder.routing());
    }

    /** A resource over yavijava with random file ids, the system clock and the default routing timeouts. */
    public static Builder builder(VmwareSettings settings, SshSettings ssh) {
        return new Builder(settings, ssh);
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.VMWARE;
    }

    @Override
    public Answer execute(Command command) {
        return dispatcher.execute(command);
    }

    /**
     * Powers off (if needed) and destroys the router's VM, detaching its disks first so volumes
     * survive. There is no command for it yet: a host controller calls it when it expunges a
     * router. A missing VM counts as destroyed.
     */
    public Answer destroy(String vmName) {
        requireNonNull(vmName, "vmName is null");
        return vms.destroy(vmName);
    }

    /**
     * The router's VM as vCenter reports it (power state, adapters, {@code machine.id}).
     *
     * @throws VsphereException when vCenter cannot be asked
     */
    public Optional<VmInfo> findVm(String vmName) throws VsphereException {
        return lifecycle.find(requireNonNull(vmName, "vmName is null"));
    }

    @Override
    public String toString() {
        return "VmwareRouterResource[" + settings.endpoint() + ", " + settings.placement().datacenter() + "/"
                + settings.placement().computeResource() + "]";
    }

    /** Collects a resource's collaborators. Defaults: yavijava, random ids, system clock, default timeouts. */
    public static final class Builder extends RoutingBuilder<Builder> {
        private final VmwareSettings settings;
        private final SshSettings ssh;
        private VsphereConnector connector = new YavijavaConnector();

        private Builder(VmwareSettings settings, SshSettings ssh) {
            this.settings = requireNonNull(settings, "settings is null");
            this.ssh = requireNonNull(ssh, "ssh is null");
        }

        /** Another vSphere client library. */
        public Builder connector(VsphereConnector connector) {
            this.connector = requireNonNull(connector, "connector is null");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public VmwareRouterResource build() {
            return new VmwareRouterResource(this);
        }
    }
}
