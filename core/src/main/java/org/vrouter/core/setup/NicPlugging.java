package org.vrouter.core.setup;

import java.util.Optional;

import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.UnPlugNicCommand;

/**
 * The hypervisor commands that add a NIC to a running VPC router or take one away (management-side
 * §8.3): CloudStack's {@code PlugNicCommand(NicTO, instanceName, type, details)} and
 * {@code UnPlugNicCommand}. No access details: the host, not the router, executes them. Stateless.
 */
final class NicPlugging {
    private NicPlugging() {}

    /** @param network the NIC's network when it is a guest network (its uuid goes on the NIC) */
    static PlugNicCommand plug(DomainRouter router, Nic nic, Optional<Network> network) {
        return PlugNicCommand.forRouter(TransferObjects.nic(nic, network.map(Network::uuid)), router.instanceName());
    }

    static UnPlugNicCommand unplug(DomainRouter router, Nic nic, Optional<Network> network) {
        return new UnPlugNicCommand(TransferObjects.nic(nic, network.map(Network::uuid)), router.instanceName());
    }
}
