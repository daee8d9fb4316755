package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.vrouter.api.command.Answer;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.core.routing.RouterLocks;
import org.vrouter.core.routing.RouterVmDriver;
import org.vrouter.core.routing.RouterVmException;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * The VM side of {@link VmwareRouterResource}: lifecycle commands under each router's lock, a
 * TCP-connect SSH check, and the NICs of each router as this resource started it, else as vCenter
 * lists the VM's adapters. Thread-safe.
 */
final class VmwareVmDriver implements RouterVmDriver {
    private final VmwareSettings settings;
    private final int sshPort;
    private final RouterVmLifecycle lifecycle;
    private final Map<String, VirtualMachineTO> started = new ConcurrentHashMap<>();
    private final RouterLocks locks = new RouterLocks();

    VmwareVmDriver(VmwareSettings settings, int sshPort, RouterVmLifecycle lifecycle) {
        this.settings = requireNonNull(settings, "settings is null");
        this.sshPort = sshPort;
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    @Override
    public Answer start(StartCommand command) {
        VirtualMachineTO vm = command.vm();
        return locks.locked(vm.name(), () -> {
            StartAnswer answer = lifecycle.start(vm);
            if (answer.success()) {
                started.put(vm.name(), vm);
            }
            return answer;
        });
    }

    @Override
    public Answer stop(StopCommand command) {
        return locks.locked(command.vmName(), () -> lifecycle.stop(command));
    }

    @Override
    public Answer check(CheckVirtualMachineCommand command) {
        return locks.locked(command.vmName(), () -> lifecycle.check(command.vmName()));
    }

    /** One TCP connect to the control address; the manager retries. */
    @Override
    public Answer checkSsh(CheckSshCommand check) {
        String where = check.ip().value() + ":" + sshPort;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(check.ip().value(), sshPort), (int) settings.sshProbeTimeout().toMillis());
            return CheckSshAnswer.reachable();
        }
        catch (IOException e) {
            return CheckSshAnswer.unreachable(check.vmName() + " does not accept connections on " + where + ": " + e.getMessage());
        }
    }

    /**
     * The router's NICs as this resource started them, else (a router started before this resource
     * was made) the VM's adapters in vCenter: the N-th adapter is {@code ethN} in the guest, and an
     * address's {@code vif_mac_address} picks it. No NIC is hot-plugged.
     */
    @Override
    public Optional<List<NicTO>> nicsOf(String router) throws RouterVmException {
        VirtualMachineTO vm = started.get(router);
        if (vm != null) {
            return Optional.of(vm.nics());
        }
        try {
            return Optional.of(adapters(router));
        }
        catch (VsphereException e) {
            throw new RouterVmException("cannot find the NICs of router " + router + ": " + e.getMessage(), e);
        }
    }

    private List<NicTO> adapters(String router) throws VsphereException {
        Optional<VmInfo> info = lifecycle.find(router);
        if (info.isEmpty()) {
            throw new VsphereException("no VM " + router + " in datacenter " + settings.placement().datacenter(), Optional.empty());
        }
        List<NicTO> nics = new ArrayList<>();
        for (VmNic adapter : info.get().nics()) {
            // only the position and the MAC matter to NicDevices; vCenter does not know the traffic type
            nics.add(NicTO.builder(nics.size(), adapter.macAddress(), TrafficType.GUEST).build());
        }
        return nics;
    }

    /** Powers off and destroys the router's VM, forgetting its NICs (see {@link VmwareRouterResource#destroy}). */
    Answer destroy(String vmName) {
        return locks.locked(vmName, () -> {
            started.remove(vmName);
            return lifecycle.destroy(vmName);
        });
    }
}
