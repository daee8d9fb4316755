package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.UnPlugNicCommand;

/**
 * A VPC private gateway on one Running router (management-side §8.3 step 4): its NIC plugged when
 * missing, then in one batch under {@link Commands.OnError#STOP} the private address
 * ({@code IPAssocVpcCommand:private}) and, with ACL items, its ACL ({@code networkAcl:private});
 * taken off with the address removed and the NIC unplugged. The router's known NICs follow. The
 * caller holds the router's lock.
 */
final class PrivateGateways {
    private static final Logger log = LoggerFactory.getLogger(PrivateGateways.class);
    private static final String ADDRESS_ID = CommandIds.IP_ASSOC_VPC + ":private";
    private static final String ACL_ID = "networkAcl:private";

    private final ManagerParts parts;
    private final RouterRuntime runtime;

    PrivateGateways(ManagerParts parts, RouterRuntime runtime) {
        this.parts = requireNonNull(parts, "parts is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    /** Every private gateway of the router's VPC onto the freshly configured router; returns its profile with their NICs. */
    VirtualMachineProfile replay(DomainRouter router, VirtualMachineProfile profile) {
        VirtualMachineProfile current = profile;
        for (PrivateGateway gateway : parts.source().privateGateways(router.vpcId().getAsLong())) {
            current = add(router, parts.source().vpc(gateway.vpcId()), gateway, current);
        }
        return current;
    }

    /** Puts {@code gateway} on the Running router and records its NIC. */
    void add(DomainRouter router, Vpc vpc, PrivateGateway gateway) {
        runtime.profileChanged(router.id(), add(router, vpc, gateway, requireProfile(router)));
    }

    private VirtualMachineProfile add(DomainRouter router, Vpc vpc, PrivateGateway gateway, VirtualMachineProfile profile) {
        long hostId = router.hostId().orElseThrow();
        VirtualMachineProfile current = profile;
        Optional<Nic> existing = nicOf(profile, gateway);
        Nic nic;
        if (existing.isPresent()) {
            nic = existing.get();
        }
        else {
            nic = parts.helper().createPrivateGatewayNic(gateway, profile.nics().stream().mapToInt(Nic::deviceId).max().orElse(-1) + 1);
            PlugNicCommand plug = parts.helper().createPlugNicCommand(router, nic, Optional.empty());
            require(router, CommandIds.PLUG_NIC + ":" + nic.deviceName(), plug, parts.agents().send(hostId, plug));
            List<Nic> nics = new ArrayList<>(profile.nics());
            nics.add(nic);
            current = profile.withNics(nics);
        }
        Commands.Builder batch = Commands.builder(Commands.OnError.STOP)
                .add(ADDRESS_ID, parts.helper().createPrivateGatewayIpCommand(router, vpc, gateway, nic, true));
        if (!gateway.aclItems().isEmpty()) {
            batch.add(ACL_ID, parts.helper().createPrivateGatewayAclCommand(router, vpc, gateway, nic));
        }
        Commands commands = batch.build();
        Batches.requireSuccess(router.instanceName(), commands, parts.agents().send(hostId, commands));
        log.info("{}: private gateway {} on {}", router.displayName(), gateway.ipAddress(), nic.deviceName());
        return current;
    }

    /** Takes {@code gateway} off the Running router; a router without its NIC has nothing to remove. */
    void remove(DomainRouter router, Vpc vpc, PrivateGateway gateway) {
        VirtualMachineProfile profile = requireProfile(router);
        Optional<Nic> nic = nicOf(profile, gateway);
        if (nic.isEmpty()) {
            return;
        }
        long hostId = router.hostId().orElseThrow();
        Commands commands = Commands.of(ADDRESS_ID, parts.helper().createPrivateGatewayIpCommand(router, vpc, gateway, nic.get(), false));
        Batches.requireSuccess(router.instanceName(), commands, parts.agents().send(hostId, commands));
        UnPlugNicCommand unplug = parts.helper().createUnplugNicCommand(router, nic.get(), Optional.empty());
        require(router, "unplugNic:" + nic.get().deviceName(), unplug, parts.agents().send(hostId, unplug));
        runtime.profileChanged(router.id(), profile.withNics(profile.nics().stream().filter(n -> !n.equals(nic.get())).toList()));
        log.info("{}: private gateway {} removed", router.displayName(), gateway.ipAddress());
    }

    /** Replaces the gateway's ACL on a Running router that carries it. */
    void acl(DomainRouter router, Vpc vpc, PrivateGateway gateway) {
        Optional<Nic> nic = nicOf(requireProfile(router), gateway);
        if (nic.isEmpty() || gateway.aclItems().isEmpty()) {
            return;
        }
        Commands commands = Commands.of(ACL_ID, parts.helper().createPrivateGatewayAclCommand(router, vpc, gateway, nic.get()));
        Batches.requireSuccess(router.instanceName(), commands, parts.agents().send(router.hostId().orElseThrow(), commands));
    }

    private static Optional<Nic> nicOf(VirtualMachineProfile profile, PrivateGateway gateway) {
        return profile.nics().stream()
                .filter(nic -> nic.networkId() == gateway.networkId() && nic.ipAddress().filter(gateway.ipAddress()::equals).isPresent())
                .findFirst();
    }

    private VirtualMachineProfile requireProfile(DomainRouter router) {
        return runtime.profile(router.id()).orElseThrow(() -> ResourceUnavailableException.forRouter(router.instanceName(),
                "its NICs are unknown to this manager (started before it?): restart the router to change its private gateways"));
    }

    private static void require(DomainRouter router, String id, Command command, Answer answer) {
        if (!answer.success()) {
            throw new CommandFailedException(router.instanceName(), id, command, answer);
        }
    }
}
