package org.vrouter.guru;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.VirtualRouterGuru;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.setup.NetworkCommandFactory;
import org.vrouter.commands.setup.VmCommandFactory;
import org.vrouter.guru.address.AddressAllocator;
import org.vrouter.guru.address.AddressPool;
import org.vrouter.guru.start.StartCommandPlanner;

/**
 * vrouter's {@link VirtualRouterGuru}: shapes routers as CloudStack's virtual router manager does.
 * Sizing from the network offering's router offering or {@link GuruSettings#defaultServiceOffering()};
 * NICs per router type and hypervisor (guest, control and public for isolated networks, guest and
 * control for shared ones, control only for VPC routers at boot); the boot-argument line; and the
 * start batch, whose order this module owns and whose commands {@code core} builds through
 * {@link NetworkCommandFactory} and {@link VmCommandFactory}.
 *
 * <p>A redundant router's initial role ({@code PRIMARY} for the network's first router, else
 * {@code BACKUP}) is part of the boot arguments; the router manager persists it from
 * {@code profile.bootArgs().redundantState()}.
 *
 * <p>Addresses the router holds for itself come from the {@link AddressAllocator}: the control
 * address (link-local, or a pod management address on VMware) is given back on
 * {@link #finalizeStop}, a redundant or shared router's guest address on {@link #finalizeExpunge}.
 * Thread-safe when the allocator is.
 */
public final class RouterGuru implements VirtualRouterGuru {
    private final GuruSettings settings;
    private final AddressAllocator allocator;
    private final NicPlanner nicPlanner;
    private final BootArgsComposer bootArgs;
    private final StartCommandPlanner startCommands;

    public RouterGuru(GuruSettings settings, AddressAllocator allocator, NetworkCommandFactory networkCommands, VmCommandFactory vmCommands) {
        this.settings = requireNonNull(settings, "settings is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.nicPlanner = new NicPlanner(settings, allocator);
        this.bootArgs = new BootArgsComposer(settings);
        this.startCommands = new StartCommandPlanner(networkCommands, vmCommands);
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidParameterException when the offering names a router offering the settings do not hold
     */
    @Override
    public ServiceOffering serviceOffering(RouterDeployment deployment) {
        return deployment.network().offering().routerServiceOfferingId().stream()
                .mapToObj(id -> settings.routerServiceOffering(id).orElseThrow(() -> new InvalidParameterException(
                        "router_service_offering_id", "is not one of the guru's router offerings " + settings.routerServiceOfferings().keySet(), id)))
                .findFirst()
                .orElse(settings.defaultServiceOffering());
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidParameterException when the deployment cannot be laid out: the virtual router
     *     provides SourceNat without a source NAT address, a VMware router has no pod or no
     *     configured pod management range, a shared network's configured router IP is taken
     */
    @Override
    public List<Nic> planNics(DomainRouter router, RouterDeployment deployment) {
        return nicPlanner.plan(router, deployment);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The public NIC carries the source NAT address on its VLAN (MAC from the address, else
     * derived from it); a tier NIC is laid out as an isolated network's guest NIC of a source NAT
     * router, so a single VPC router takes each tier's gateway.
     */
    @Override
    public List<Nic> planVpcNics(DomainRouter router, Optional<PublicIpAddress> sourceNat, List<Network> tiers, int firstDeviceId) {
        return nicPlanner.planVpc(router, sourceNat, tiers, firstDeviceId);
    }

    @Override
    public VirtualMachineProfile finalizeVirtualMachineProfile(DomainRouter router, VirtualMachineProfile profile, RouterDeployment deployment) {
        return profile.withBootArgs(bootArgs.compose(router, profile, deployment));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The router's control address and its address in each network are taken from the
     * profile's NICs (as CloudStack's {@code finalizeDeployment} copies them onto the router), so
     * the router passed in may predate them.
     */
    @Override
    public Commands finalizeCommandsOnStart(DomainRouter router, VirtualMachineProfile profile, List<NetworkConfiguration> networks) {
        return startCommands.plan(withNicAddresses(router, profile), profile.nics(), networks);
    }

    @Override
    public void finalizeStop(DomainRouter router) {
        allocator.release(AddressPool.Purpose.CONTROL, router.id());
    }

    @Override
    public void finalizeExpunge(DomainRouter router) {
        allocator.release(AddressPool.Purpose.CONTROL, router.id());
        allocator.release(AddressPool.Purpose.GUEST, router.id());
    }

    /** The router with the control, public and guest addresses of its NICs. */
    static DomainRouter withNicAddresses(DomainRouter router, VirtualMachineProfile profile) {
        DomainRouter.Builder updated = router.toBuilder();
        Map<Long, IpAddress> guestIps = new HashMap<>(router.guestIps());
        for (Nic nic : profile.nics()) {
            IpAddress address = nic.ipAddress().or(nic::ip6Address).orElse(null);
            if (address == null) {
                continue;
            }
            if (nic.trafficType() == TrafficType.CONTROL && address.isIpv4()) {
                updated.controlIp(address);
            }
            else if (nic.trafficType() == TrafficType.PUBLIC) {
                updated.publicIp(address);
            }
            else if (nic.trafficType() == TrafficType.GUEST && router.serves(nic.networkId())) {
                guestIps.put(nic.networkId(), address);
            }
        }
        return updated.guestIps(guestIps).build();
    }
}
