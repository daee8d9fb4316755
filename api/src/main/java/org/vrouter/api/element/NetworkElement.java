package org.vrouter.api.element;

import java.util.Map;
import java.util.Set;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * A plugin that provides network services for one {@link Provider} (CloudStack's
 * {@code NetworkElement}). The host controller's network orchestration calls it as networks come
 * and go and as VMs join and leave them; the service-provider interfaces in this package add one
 * service each.
 *
 * <p>Call order for a network: {@link #implement} when the network is brought up; then
 * {@link #prepare} / {@link #release} for each NIC that joins or leaves, interleaved with the
 * service methods of the provider interfaces; {@link #shutdown} when the network goes idle (it may
 * be implemented again later); {@link #destroy} once, when it is deleted.
 *
 * <p><b>Deviation from CloudStack:</b> CloudStack's methods return {@code false} for "failed" and
 * for "not my business" alike. Here an operation either completes or throws a
 * {@link org.vrouter.api.error.VrouterException} subtype: {@code ResourceUnavailableException}
 * (retry later), {@code InsufficientCapacityException}, {@code ConcurrentOperationException},
 * {@code InvalidStateException}, {@code CommandFailedException}. A request the element does not
 * handle (a service it does not provide in that network, a system-only offering) completes without
 * doing anything. Booleans remain only where they are answers ({@link #isReady},
 * {@link #canEnableIndividualServices}).
 *
 * <p>Threading: implementations are thread-safe; the orchestrator may call them for different
 * networks at once. Methods block until the routers have the change.
 */
public interface NetworkElement {
    /** The one provider this element implements. Constant. */
    Provider provider();

    /**
     * The services this element can provide and, per service, the capabilities it declares with
     * their values ({@code Lb -> {SupportedLbAlgorithms -> "roundrobin,leastconn,source"}}). A
     * service without capabilities maps to an empty map. Constant.
     */
    Map<Service, Map<Capability, String>> capabilities();

    /**
     * Brings the element's part of the network up: for the virtual router, deploys and starts its
     * routers.
     *
     * @param offering the offering to implement; usually {@code network.offering()}, another one
     *     while the network's offering is being changed
     * @param destination a zone-level (or, in Basic zones, pod-level) destination
     */
    void implement(Network network, NetworkOffering offering, DeployDestination destination);

    /**
     * Makes the network ready for a NIC that joins it (a VM starting): for the virtual router,
     * makes sure a router runs, deploying one lazily if needed.
     *
     * @param destination the host the VM is being started on
     */
    void prepare(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination);

    /** A NIC leaves the network (the VM stopped or the NIC was removed). Default: nothing to do. */
    default void release(Network network, Nic nic, VirtualMachineProfile vm) {
    }

    /**
     * Takes the element's part of the network down: for the virtual router, stops its routers.
     *
     * @param cleanup also destroy what was stopped (routers are then re-created on the next implement)
     */
    void shutdown(Network network, boolean cleanup);

    /** The network is deleted: remove everything the element created for it. */
    void destroy(Network network);

    /** Whether the provider is enabled and usable now. Default: true. */
    default boolean isReady() {
        return true;
    }

    /** Whether an offering may pick this provider for some services only. Default: false. */
    default boolean canEnableIndividualServices() {
        return false;
    }

    /**
     * Checks that this element can provide exactly {@code services} together.
     *
     * @throws org.vrouter.api.error.InvalidParameterException naming {@code services} when it cannot
     */
    default void verifyServicesCombination(Set<Service> services) {
    }
}
