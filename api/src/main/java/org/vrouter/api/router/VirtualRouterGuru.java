package org.vrouter.api.router;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * Shapes a router VM: its size, its NICs, its boot arguments and the configuration batch it gets
 * right after it boots (the router half of CloudStack's {@code VirtualMachineGuru}, done by
 * {@code VirtualNetworkApplianceManagerImpl} and {@code NetworkHelperImpl} there).
 *
 * <p>Call order, for each router a {@link RouterManager} deploys or starts:
 * <ol>
 *   <li>{@link #serviceOffering} — once, before the router is persisted;</li>
 *   <li>{@link #planNics} — NICs in device order (isolated network: guest eth0, control eth1,
 *       public eth2 when the router provides source NAT);</li>
 *   <li>{@link #finalizeVirtualMachineProfile} — boot arguments from the planned NICs;</li>
 *   <li>the hypervisor starts the VM;</li>
 *   <li>{@link #finalizeCommandsOnStart} — the batch that replays every network's configuration;</li>
 *   <li>{@link #finalizeStop} once the router has stopped, {@link #finalizeExpunge} once it is destroyed.</li>
 * </ol>
 *
 * <p>Implementations are functions of their inputs plus constructor-supplied settings: they send
 * nothing and may be called from several threads at once. The one state they touch is the
 * addresses a router holds (link-local control address, a redundant router's own guest address):
 * planning allocates them idempotently per router, {@link #finalizeStop} and
 * {@link #finalizeExpunge} give them back. They never return null.
 */
public interface VirtualRouterGuru {
    /**
     * The size of a router for this deployment: the offering's router service offering if it names
     * one, else the guru's default.
     */
    ServiceOffering serviceOffering(RouterDeployment deployment);

    /**
     * The router's NICs in device order, with addresses, MACs and broadcast URIs filled in.
     *
     * @throws org.vrouter.api.error.InsufficientCapacityException when an address (control,
     *     guest) cannot be allocated
     */
    List<Nic> planNics(DomainRouter router, RouterDeployment deployment);

    /**
     * The NICs a VPC router gets after boot, plugged with {@code PlugNicCommand} (management-side
     * §8.3): first, when {@code sourceNat} is given, the public NIC holding it; then one guest NIC per
     * tier, whose address is the tier's gateway (a redundant router's own address otherwise). Device
     * numbers count up from {@code firstDeviceId}. Called at every start of a VPC router (after
     * {@link #planNics}, which gives the control NIC only) and when a tier joins a Running router.
     *
     * @throws org.vrouter.api.error.InsufficientCapacityException when a redundant router's guest
     *     address cannot be allocated
     * @throws UnsupportedOperationException by default: the guru does not shape VPC routers
     */
    default List<Nic> planVpcNics(DomainRouter router, Optional<PublicIpAddress> sourceNat, List<Network> tiers, int firstDeviceId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not plan VPC router NICs");
    }

    /**
     * The profile with its boot arguments set ({@code template=domP name=... eth0ip=...}; see the
     * wire format's boot-argument table). The profile's NICs are the ones {@link #planNics}
     * returned.
     *
     * @throws org.vrouter.api.error.InvalidParameterException when the profile has no control NIC
     */
    VirtualMachineProfile finalizeVirtualMachineProfile(DomainRouter router, VirtualMachineProfile profile, RouterDeployment deployment);

    /**
     * The commands to run on a freshly booted router, in order: reachability and version checks,
     * then per guest network IP association, guest network set-up, firewall, NAT, port forwarding,
     * load balancing, VPN, ACLs, DHCP entries and user data, wrapped in aggregation start/finish.
     * The batch stops at the first failure.
     *
     * @param networks one configuration per guest network the router serves, in NIC order
     */
    Commands finalizeCommandsOnStart(DomainRouter router, VirtualMachineProfile profile, List<NetworkConfiguration> networks);

    /**
     * Gives back what the router holds only while it runs (CloudStack releases the link-local
     * control address on stop). Called by the router manager after the router stopped; calling it
     * for a router that holds nothing does nothing.
     */
    default void finalizeStop(DomainRouter router) {}

    /**
     * Gives back everything {@link #planNics} allocated for the router, guest addresses included.
     * Called by the router manager after the router was destroyed.
     */
    default void finalizeExpunge(DomainRouter router) {}
}
