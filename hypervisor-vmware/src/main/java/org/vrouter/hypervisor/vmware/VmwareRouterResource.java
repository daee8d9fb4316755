package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.core.routing.RoutingTimeouts;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
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
 * <p>Every vSphere fault, failed task or task outliving {@link VmwareSettings#taskTimeout()} is
 * a failed answer carrying the fault's message. Each command logs in to vCenter and out again.
 * Thread-safe; commands for one router are serialized.
 */
public final class VmwareRouterResource implements HypervisorResource {
    private final VmwareSettings settings;
    private final SshSettings ssh;
    private final RouterVmLifecycle lifecycle;
    private final VirtualRoutingResource routing;
    private final Map<String, VirtualMachineTO> started = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    private VmwareRouterResource(Builder builder) {
        this.settings = builder.settings;
        this.ssh = builder.ssh;
        this.lifecycle = new RouterVmLifecycle(settings, builder.connector);
        this.routing = new VirtualRoutingResource(new CommandCodec(builder.ids, builder.clock), SshRouterChannel.factory(ssh),
                builder.timeouts, builder.ids);
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
        requireNonNull(command, "command is null");
        if (command instanceof StartCommand start) {
            return locked(start.vm().name(), () -> start(start.vm()));
        }
        if (command instanceof StopCommand stop) {
            return locked(stop.vmName(), () -> lifecycle.stop(stop));
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return locked(check.vmName(), () -> lifecycle.check(check.vmName()));
        }
        if (command instanceof CheckSshCommand check) {
            return checkSsh(check);
        }
        if (command instanceof IpAssociationCommand association) {
            return executeIpAssociation(association);
        }
        if (command instanceof NetworkElementCommand routerCommand) {
            return routing.execute(routerCommand);
        }
        return Answer.failure("the VMware resource does not handle " + command.getClass().getName());
    }

    /**
     * Powers off (if needed) and destroys the router's VM, detaching its disks first so volumes
     * survive. There is no command for it yet: a host controller calls it when it expunges a
     * router. A missing VM counts as destroyed.
     */
    public Answer destroy(String vmName) {
        requireNonNull(vmName, "vmName is null");
        return locked(vmName, () -> {
            started.remove(vmName);
            return lifecycle.destroy(vmName);
        });
    }

    /**
     * The router's VM as vCenter reports it (power state, adapters, {@code machine.id}).
     *
     * @throws VsphereException when vCenter cannot be asked
     */
    public Optional<VmInfo> findVm(String vmName) throws VsphereException {
        return lifecycle.find(requireNonNull(vmName, "vmName is null"));
    }

    private StartAnswer start(VirtualMachineTO vm) {
        StartAnswer answer = lifecycle.start(vm);
        if (answer.success()) {
            started.put(vm.name(), vm);
        }
        return answer;
    }

    private Answer checkSsh(CheckSshCommand check) {
        String where = check.ip().value() + ":" + ssh.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(check.ip().value(), ssh.port()), (int) settings.sshProbeTimeout().toMillis());
            return CheckSshAnswer.reachable();
        }
        catch (IOException e) {
            return CheckSshAnswer.unreachable(check.vmName() + " does not accept connections on " + where + ": " + e.getMessage());
        }
    }

    /**
     * Fills each address's {@code nic_dev_id} from the router's NICs as this resource started them,
     * else (a router started before this resource was made) from the VM's adapters in vCenter: the
     * N-th adapter is {@code ethN} in the guest, and the address's {@code vif_mac_address} picks it.
     * No NIC is hot-plugged.
     */
    private Answer executeIpAssociation(IpAssociationCommand association) {
        Optional<String> name = association.accessDetails().routerName();
        if (name.isEmpty()) {
            return routing.execute(association); // the routing resource rejects it, naming router.name
        }
        List<NicTO> nics;
        try {
            nics = nicsOf(name.get());
        }
        catch (VsphereException e) {
            return Answer.failure("cannot find the NICs of router " + name.get() + ": " + e.getMessage());
        }
        try {
            return routing.execute(NicDevices.fill(association, nics));
        }
        catch (InvalidParameterException e) {
            return Answer.failure(e.getMessage());
        }
    }

    private List<NicTO> nicsOf(String name) throws VsphereException {
        VirtualMachineTO vm = started.get(name);
        if (vm != null) {
            return vm.nics();
        }
        Optional<VmInfo> info = lifecycle.find(name);
        if (info.isEmpty()) {
            throw new VsphereException("no VM " + name + " in datacenter " + settings.placement().datacenter(), Optional.empty());
        }
        List<NicTO> nics = new ArrayList<>();
        for (VmNic adapter : info.get().nics()) {
            // only the position and the MAC matter to NicDevices; vCenter does not know the traffic type
            nics.add(NicTO.builder(nics.size(), adapter.macAddress(), TrafficType.GUEST).build());
        }
        return nics;
    }

    private <A extends Answer> A locked(String vmName, Supplier<A> action) {
        ReentrantLock lock = locks.computeIfAbsent(vmName, name -> new ReentrantLock(true));
        lock.lock();
        try {
            return action.get();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "VmwareRouterResource[" + settings.endpoint() + ", " + settings.placement().datacenter() + "/"
                + settings.placement().computeResource() + "]";
    }

    /** Collects a resource's collaborators. Defaults: yavijava, random ids, system clock, default timeouts. */
    public static final class Builder {
        private final VmwareSettings settings;
        private final SshSettings ssh;
        private VsphereConnector connector = new YavijavaConnector();
        private Supplier<UUID> ids = UUID::randomUUID;
        private Clock clock = Clock.systemUTC();
        private RoutingTimeouts timeouts = RoutingTimeouts.defaults();

        private Builder(VmwareSettings settings, SshSettings ssh) {
            this.settings = requireNonNull(settings, "settings is null");
            this.ssh = requireNonNull(ssh, "ssh is null");
        }

        /** Another vSphere client library. */
        public Builder connector(VsphereConnector connector) {
            this.connector = requireNonNull(connector, "connector is null");
            return this;
        }

        /** Ids of wire files and batch files. */
        public Builder ids(Supplier<UUID> ids) {
            this.ids = requireNonNull(ids, "ids is null");
            return this;
        }

        /** The clock of the wire codec. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public Builder timeouts(RoutingTimeouts timeouts) {
            this.timeouts = requireNonNull(timeouts, "timeouts is null");
            return this;
        }

        public VmwareRouterResource build() {
            return new VmwareRouterResource(this);
        }
    }
}
