package org.vrouter.core.routing;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.core.channel.RouterChannelFactory;

/**
 * The {@code execute} of a hypervisor resource (CloudStack's {@code executeRequest} switch), the
 * same on every hypervisor: Start, Stop, CheckVirtualMachine, CheckSsh, PlugNic and UnPlugNic go to the
 * {@link RouterVmDriver}; an IP association gets its {@code nic_dev_id} filled through
 * {@link RouterVmDriver#associate} and then runs on the router; every other
 * {@link NetworkElementCommand} runs on the router through the {@link VirtualRoutingResource} this
 * dispatcher owns; anything else goes to {@link RouterVmDriver#other}, else answers failure naming
 * the command. An IP association without {@code router.name} goes to the routing resource as it
 * came, which rejects it naming the field.
 *
 * <p>Never throws for a failed command: NIC lookup failures and addresses without a NIC are failed
 * answers. Thread-safe when the driver is.
 */
public final class RouterCommandDispatcher {
    private final String resourceName;
    private final RouterVmDriver vms;
    private final VirtualRoutingResource routing;

    /**
     * @param resourceName how the unsupported-command answer names the resource ({@code the KVM resource})
     * @param vms the hypervisor's VM side
     * @param channels opens a channel to a router, once per router command
     * @param settings ids, clock and time bounds of the routing resource
     */
    public RouterCommandDispatcher(String resourceName, RouterVmDriver vms, RouterChannelFactory channels, RoutingSettings settings) {
        this.resourceName = requireNonNull(resourceName, "resourceName is null");
        this.vms = requireNonNull(vms, "vms is null");
        this.routing = requireNonNull(settings, "settings is null").routingResource(requireNonNull(channels, "channels is null"));
    }

    /** Executes {@code command}; failures are failed answers. */
    public Answer execute(Command command) {
        requireNonNull(command, "command is null");
        if (command instanceof StartCommand start) {
            return vms.start(start);
        }
        if (command instanceof StopCommand stop) {
            return vms.stop(stop);
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return vms.check(check);
        }
        if (command instanceof CheckSshCommand check) {
            return vms.checkSsh(check);
        }
        if (command instanceof PlugNicCommand plug) {
            return vms.plugNic(plug);
        }
        if (command instanceof UnPlugNicCommand unplug) {
            return vms.unplugNic(unplug);
        }
        if (command instanceof IpAssociationCommand association) {
            return associate(association);
        }
        if (command instanceof NetworkElementCommand routerCommand) {
            return routing.execute(routerCommand);
        }
        return vms.other(command).orElseGet(() -> Answer.failure(resourceName + " does not handle " + command.getClass().getName()));
    }

    private Answer associate(IpAssociationCommand association) {
        Optional<String> router = association.accessDetails().routerName();
        if (router.isEmpty()) {
            return routing.execute(association);
        }
        try {
            return vms.associate(router.get(), association, routing::execute);
        }
        catch (InvalidParameterException | RouterVmException e) {
            return Answer.failure(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "RouterCommandDispatcher[" + resourceName + "]";
    }
}
