package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.core.routing.RouterLocks;
import org.vrouter.core.routing.RouterVmDriver;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException;

/**
 * The VM side of {@link KvmRouterResource}: domain lifecycle under each router's lock, and IP
 * associations with NIC hot-plug ({@link RouterNics}) under the same lock. Thread-safe.
 */
final class KvmVmDriver implements RouterVmDriver {
    private final DomainLifecycle lifecycle;
    private final RouterNics nics;
    private final RouterLocks locks = new RouterLocks();

    KvmVmDriver(DomainLifecycle lifecycle, RouterNics nics) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.nics = requireNonNull(nics, "nics is null");
    }

    @Override
    public Answer start(StartCommand command) {
        return locks.locked(command.vm().name(), () -> lifecycle.start(command));
    }

    @Override
    public Answer stop(StopCommand command) {
        return locks.locked(command.vmName(), () -> lifecycle.stop(command));
    }

    @Override
    public Answer check(CheckVirtualMachineCommand command) {
        return locks.locked(command.vmName(), () -> lifecycle.check(command.vmName()));
    }

    @Override
    public Answer checkSsh(CheckSshCommand command) {
        return lifecycle.checkSsh(command);
    }

    @Override
    public Optional<List<NicTO>> nicsOf(String router) {
        return nics.of(router);
    }

    /** A router this resource started gets NICs hot-plugged before and unplugged after; any other goes as it came. */
    @Override
    public Answer associate(String router, IpAssociationCommand command, Function<IpAssociationCommand, Answer> routing) {
        if (nics.of(router).isEmpty()) {
            return routing.apply(command);
        }
        return locks.locked(router, () -> plugAndRun(router, command, routing));
    }

    private Answer plugAndRun(String router, IpAssociationCommand association, Function<IpAssociationCommand, Answer> routing) {
        IpAssociationCommand prepared;
        try {
            prepared = nics.prepare(router, association);
        }
        catch (InvalidParameterException | LibvirtOperationException e) {
            return Answer.failure(e.getMessage());
        }
        Answer answer = routing.apply(prepared);
        if (answer.success()) {
            try {
                nics.cleanup(router, prepared);
            }
            catch (LibvirtOperationException e) {
                return Answer.failure(e.getMessage());
            }
        }
        return answer;
    }
}
