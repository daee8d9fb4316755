package org.vrouter.hypervisor.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;

/**
 * Makes and unmakes a router's "hardware": its namespace with loopback up, and one veth pair per NIC
 * of the VM, {@code eth<device id>} with the NIC's MAC inside the router (left down: the router
 * side's address service configures and raises it from the boot arguments), the host end on the
 * bridge of the NIC's traffic type and broadcast URI in the hypervisor namespace.
 *
 * <p>{@link #destroy} undoes everything {@link #create} did, also a partial create, and attempts
 * every step even when an earlier one fails (the first failure is thrown, later ones suppressed by
 * it). Thread-safe; callers serialize per router.
 */
final class RouterPlumbing {
    private static final Logger log = LoggerFactory.getLogger(RouterPlumbing.class);

    private final HypervisorNetwork network;
    private final RouterProcesses processes;

    RouterPlumbing(HypervisorNetwork network, RouterProcesses processes) {
        this.network = requireNonNull(network, "network is null");
        this.processes = requireNonNull(processes, "processes is null");
    }

    /** Creates the router's namespace and NICs for {@code vm}; the router records each host end as it is made. */
    void create(NetnsRouter router, VirtualMachineTO vm) throws IOException {
        IpTool ip = network.ip();
        ip.addNamespace(router.namespace());
        ip.in(router.namespace(), "link", "set", "lo", "up");
        ip.enableForwarding(router.namespace());
        for (NicTO nic : vm.nics()) {
            String bridge = network.bridge(nic.trafficType(), nic.broadcastUri());
            String hostLink = NetnsNames.routerLink(router.slot(), nic.deviceId());
            router.addHostLink(hostLink);
            network.plug(bridge, hostLink, router.namespace(), nic.deviceName(), nic.macAddress());
        }
        log.debug("router {}: namespace {} with {} NICs", router.name(), router.namespace(), vm.nics().size());
    }

    /** Hot-plugs {@code nic} into the running router: a veth {@code eth<device id>} in its namespace, the host end on the NIC's bridge. */
    void plug(NetnsRouter router, NicTO nic) throws IOException {
        String bridge = network.bridge(nic.trafficType(), nic.broadcastUri());
        String hostLink = NetnsNames.routerLink(router.slot(), nic.deviceId());
        network.plug(bridge, hostLink, router.namespace(), nic.deviceName(), nic.macAddress());
        router.plugged(nic, hostLink);
        log.debug("router {}: {} plugged into bridge {}", router.name(), nic.deviceName(), bridge);
    }

    /** Removes a hot-plugged NIC (deleting the host end deletes its peer); false when the router has no such plugged NIC. */
    boolean unplug(NetnsRouter router, NicTO nic) throws IOException {
        String hostLink = NetnsNames.routerLink(router.slot(), nic.deviceId());
        if (router.unplugged(nic.macAddress(), hostLink).isEmpty()) {
            return false;
        }
        network.unplug(hostLink);
        network.deleteUnusedBridges();
        return true;
    }

    /**
     * Stops serving the router's {@code vrouterd} socket (requests under way finish first, while the
     * namespace still exists), stops the router's processes, deletes its NICs and its namespace, and the
     * bridges no NIC uses any more.
     */
    void destroy(NetnsRouter router) throws IOException {
        Steps steps = new Steps();
        steps.attempt(router::stopServing);
        steps.attempt(() -> processes.stopAll(router));
        // the veths first: deleting one deletes its peer at once, while a deleted namespace lets go
        // of its links only when the kernel gets round to it, and the bridges would still look used
        for (String hostLink : router.hostLinks()) {
            steps.attempt(() -> network.unplug(hostLink));
        }
        steps.attempt(() -> network.ip().deleteNamespace(router.namespace()));
        steps.attempt(network::deleteUnusedBridges);
        steps.rethrow();
        log.debug("router {}: namespace {} and its NICs deleted", router.name(), router.namespace());
    }

    /** Runs cleanup steps to the end, keeping the first failure and suppressing the later ones into it. */
    static final class Steps {
        /** One cleanup step. */
        @FunctionalInterface
        interface Step {
            void run() throws IOException;
        }

        private IOException failure;

        void attempt(Step step) {
            try {
                step.run();
            }
            catch (IOException e) {
                record(e);
            }
            catch (RuntimeException e) {
                record(new IOException(e.getMessage(), e));
            }
        }

        private void record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            else {
                failure.addSuppressed(e);
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
