package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CommandIds;

/**
 * The NICs of VPC routers (management-side §8.3, §8.4): a VPC router boots with its control NIC
 * only; its public NIC and one NIC per tier are planned by the guru and hot-plugged
 * ({@code PlugNicCommand}) once it answers, before its configuration batch. A tier that joins a
 * Running router is plugged and configured at once (its guest network, addresses, rules, ACL, DHCP
 * and VM data: the guru's start batch for that one tier); one that leaves gets its guest network
 * removed and its NIC unplugged. A Stopped router only records the change: its next start plugs
 * what it serves. Callers hold the router's lock.
 */
final class VpcTiers {
    private static final Logger log = LoggerFactory.getLogger(VpcTiers.class);

    private final ManagerParts parts;
    private final RouterRuntime runtime;

    VpcTiers(ManagerParts parts, RouterRuntime runtime) {
        this.parts = requireNonNull(parts, "parts is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    /**
     * The shaped profile of a VPC router with its plugged NICs appended: the public NIC of the
     * deployment's source NAT address, then one per tier it serves, numbered after the boot NICs.
     */
    VirtualMachineProfile withPluggedNics(DomainRouter router, VirtualMachineProfile profile, RouterDeployment deployment,
            List<NetworkConfiguration> networks) {
        List<Network> tiers = networks.stream().map(NetworkConfiguration::network).toList();
        List<Nic> nics = new ArrayList<>(profile.nics());
        nics.addAll(parts.guru().planVpcNics(router, deployment.sourceNatIp(), tiers, nextDevice(profile)));
        return profile.withNics(nics);
    }

    /** Plugs every NIC but the control NIC into the booted router, in device order; each must succeed. */
    void plugAll(DomainRouter router, VirtualMachineProfile profile, long hostId, List<NetworkConfiguration> networks) {
        for (Nic nic : profile.nics()) {
            if (nic.trafficType() != TrafficType.CONTROL) {
                Optional<Network> network = networks.stream().map(NetworkConfiguration::network).filter(n -> n.id() == nic.networkId()).findFirst();
                send(router, hostId, CommandIds.PLUG_NIC + ":" + nic.deviceName(), parts.helper().createPlugNicCommand(router, nic, network));
            }
        }
    }

    /**
     * Makes {@code router} serve VPC tier {@code tier}. Running: plugs its NIC, records the tier,
     * then sends the tier's configuration (a failure there leaves the NIC plugged and the tier
     * recorded: a restart replays it). Stopped: records the tier.
     *
     * @return the router as stored afterwards
     */
    DomainRouter addTier(DomainRouter router, Network tier) {
        requireSameVpc(router, tier);
        if (router.serves(tier.id())) {
            return router;
        }
        List<Long> networkIds = new ArrayList<>(router.networkIds());
        networkIds.add(tier.id());
        if (router.state() == RouterState.STOPPED) {
            log.info("{} serves VPC tier {} from its next start", router.displayName(), tier.id());
            return parts.dao().update(router.toBuilder().networkIds(networkIds).build());
        }
        if (!router.isRunning()) {
            throw InvalidStateException.operation(router.displayName(), router.state(), "add VPC tier " + tier.id());
        }
        long hostId = router.hostId().orElseThrow();
        VirtualMachineProfile profile = requireProfile(router);
        Nic nic = parts.guru().planVpcNics(router, Optional.empty(), List.of(tier), nextDevice(profile)).get(0);
        send(router, hostId, CommandIds.PLUG_NIC + ":" + nic.deviceName(), parts.helper().createPlugNicCommand(router, nic, Optional.of(tier)));
        Map<Long, IpAddress> guestIps = new HashMap<>(router.guestIps());
        nic.ipAddress().or(nic::ip6Address).ifPresent(ip -> guestIps.put(tier.id(), ip));
        DomainRouter serving = parts.dao().update(router.toBuilder().networkIds(networkIds).guestIps(guestIps).build());
        List<Nic> nics = new ArrayList<>(profile.nics());
        nics.add(nic);
        VirtualMachineProfile plugged = profile.withNics(nics);
        runtime.profileChanged(router.id(), plugged);
        NetworkConfiguration configuration = RouterVm.withRouterMacs(parts.source().load(tier.id()), RouterVm.publicMacs(plugged));
        Commands batch = parts.guru().finalizeCommandsOnStart(serving, plugged, List.of(configuration));
        Batches.requireSuccess(router.instanceName(), batch, parts.agents().send(hostId, batch));
        log.info("{} plugged VPC tier {} on {}", router.displayName(), tier.id(), nic.deviceName());
        return serving;
    }

    /**
     * Makes {@code router} stop serving {@code tier}. Running: removes the tier's guest network,
     * then unplugs its NIC; then the tier is forgotten.
     *
     * @return the router as stored afterwards
     */
    DomainRouter removeTier(DomainRouter router, Network tier) {
        requireSameVpc(router, tier);
        if (!router.serves(tier.id())) {
            return router;
        }
        if (router.isRunning()) {
            long hostId = router.hostId().orElseThrow();
            VirtualMachineProfile profile = requireProfile(router);
            Optional<Nic> nic = profile.nicIn(tier.id());
            if (nic.isPresent()) {
                send(router, hostId, CommandIds.SETUP_GUEST_NETWORK, parts.helper().createSetupGuestNetworkCommand(router, tier, nic.get(), false));
                send(router, hostId, "unplugNic:" + nic.get().deviceName(),
                        parts.helper().createUnplugNicCommand(router, nic.get(), Optional.of(tier)));
                runtime.profileChanged(router.id(), profile.withNics(profile.nics().stream().filter(n -> !n.equals(nic.get())).toList()));
            }
        }
        else if (router.state() != RouterState.STOPPED) {
            throw InvalidStateException.operation(router.displayName(), router.state(), "remove VPC tier " + tier.id());
        }
        Map<Long, IpAddress> guestIps = new HashMap<>(router.guestIps());
        guestIps.remove(tier.id());
        DomainRouter removed = parts.dao().update(router.toBuilder()
                .networkIds(router.networkIds().stream().filter(id -> id != tier.id()).toList()).guestIps(guestIps).build());
        log.info("{} no longer serves VPC tier {}", router.displayName(), tier.id());
        return removed;
    }

    private VirtualMachineProfile requireProfile(DomainRouter router) {
        return runtime.profile(router.id()).orElseThrow(() -> ResourceUnavailableException.forRouter(router.instanceName(),
                "its NICs are unknown to this manager (started before it?): restart the router to change its VPC tiers"));
    }

    private void send(DomainRouter router, long hostId, String id, Command command) {
        Answer answer = parts.agents().send(hostId, command);
        if (!answer.success()) {
            throw new CommandFailedException(router.instanceName(), id, command, answer);
        }
    }

    private static void requireSameVpc(DomainRouter router, Network tier) {
        if (tier.vpcId().isEmpty() || router.vpcId().isEmpty() || tier.vpcId().getAsLong() != router.vpcId().getAsLong()) {
            throw new InvalidParameterException("vpc_id", "network " + tier.id() + " is not a tier of the VPC of " + router.displayName(),
                    tier.vpcId().isPresent() ? tier.vpcId().getAsLong() : "none");
        }
    }

    private static int nextDevice(VirtualMachineProfile profile) {
        return profile.nics().stream().mapToInt(Nic::deviceId).max().orElse(-1) + 1;
    }
}
