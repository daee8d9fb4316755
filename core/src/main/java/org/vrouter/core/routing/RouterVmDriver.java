package org.vrouter.core.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.to.NicTO;

/**
 * The VM side of a hypervisor resource: what a {@link RouterCommandDispatcher} hands the
 * lifecycle commands and NIC questions to, while it runs router commands itself. Each hypervisor
 * module implements it over its own API (libvirt, vSphere, XenAPI, namespaces, the simulator).
 *
 * <p>Contract: no method throws for a failure of the hypervisor or the router; it answers failure
 * naming what failed (or, for {@link #nicsOf}, throws {@link RouterVmException}). Methods are
 * called from any thread, possibly in parallel for different routers; an implementation
 * serializes what must not interleave for one router.
 *
 * <p>NIC hot-plug ({@link #plugNic}, {@link #unplugNic}: a VPC router's public and tier NICs) is
 * optional: the defaults answer failure saying this hypervisor does not hot-plug. Commands without
 * a branch of their own in the dispatcher reach {@link #other}.
 */
public interface RouterVmDriver {
    /** Creates and boots the router VM the command describes; answers a {@code StartAnswer}. */
    Answer start(StartCommand command);

    /** Stops the router VM; a VM that does not exist counts as stopped. */
    Answer stop(StopCommand command);

    /** The VM's power state as a {@code CheckVirtualMachineAnswer}; MISSING when there is none. */
    Answer check(CheckVirtualMachineCommand command);

    /** Whether the router accepts SSH on its control address, as a {@code CheckSshAnswer}. */
    Answer checkSsh(CheckSshCommand command);

    /**
     * The router's NICs, which fill the {@code nic_dev_id} of its IP associations ({@link NicDevices}).
     *
     * @return empty when this hypervisor knows no router of that name: the association then goes
     *     to the router as it came
     * @throws RouterVmException when the hypervisor cannot tell; its message is the failed answer
     */
    Optional<List<NicTO>> nicsOf(String router) throws RouterVmException;

    /**
     * Runs an IP association for {@code router} through {@code routing}. The default fills
     * {@code nic_dev_id} from {@link #nicsOf} when it knows the router, and runs the command as it
     * came when not. A hypervisor that hot-plugs NICs (KVM) overrides it to plug before and unplug
     * after, under the router's lock.
     *
     * @throws org.vrouter.api.error.InvalidParameterException when an address has no NIC; its
     *     message is the failed answer
     * @throws RouterVmException when the NICs cannot be found
     */
    default Answer associate(String router, IpAssociationCommand command, Function<IpAssociationCommand, Answer> routing)
            throws RouterVmException {
        Optional<List<NicTO>> nics = nicsOf(router);
        return routing.apply(nics.isPresent() ? NicDevices.fill(command, nics.get()) : command);
    }

    /** Hot-plugs a NIC into the running router VM; the default answers that this hypervisor cannot. */
    default Answer plugNic(PlugNicCommand command) {
        return Answer.failure(getClass().getSimpleName() + " does not hot-plug NICs: cannot plug " + command.nic().deviceName()
                + " into " + command.vmName());
    }

    /** Removes a hot-plugged NIC from the running router VM; the default answers that this hypervisor cannot. */
    default Answer unplugNic(UnPlugNicCommand command) {
        return Answer.failure(getClass().getSimpleName() + " does not hot-plug NICs: cannot unplug " + command.nic().deviceName()
                + " from " + command.vmName());
    }

    /**
     * Executes a command the dispatcher has no branch for (neither lifecycle nor router command).
     *
     * @return empty when this hypervisor does not handle it either (the default): the dispatcher
     *     answers failure naming the command
     */
    default Optional<Answer> other(Command command) {
        return Optional.empty();
    }
}
