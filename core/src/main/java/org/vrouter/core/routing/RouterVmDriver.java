package org.vrouter.core.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
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
 * <p>Extension point: commands without a branch of their own in the dispatcher (NIC hot-plug,
 * once commands has {@code PlugNicCommand} / {@code UnPlugNicCommand}) reach {@link #other}; the
 * day they get typed methods here, those are default methods answering unsupported, as
 * {@code other} does.
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
