package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.address.IpAlias;
import org.vrouter.api.dc.Host;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.VmDataApplier;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * The per-VM half of the element: DHCP and DNS entries, user data, SSH keys and passwords, each
 * checked against the offering and the routers' states before it goes to the manager.
 */
final class VmDataOperations {
    private static final Logger log = LoggerFactory.getLogger(VmDataOperations.class);

    private final VmDataApplier applier;
    private final NetworkConfigurationSource configurations;
    private final RouterGate gate;
    private final OperationMetrics metrics;

    VmDataOperations(VmDataApplier applier, NetworkConfigurationSource configurations, RouterGate gate, OperationMetrics metrics) {
        this.applier = requireNonNull(applier, "applier is null");
        this.configurations = requireNonNull(configurations, "configurations is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Needs a router: a VM starting without one is a ResourceUnavailableException. */
    void addDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm) {
        send(Operation.ADD_DHCP_ENTRY, handles(network, Service.DHCP), network, WithoutRouters.UNAVAILABLE,
                () -> applier.applyDhcpEntry(network, vm, nic));
    }

    /**
     * The DHCP entry already carries the host name, so with the virtual router as the DHCP provider
     * there is nothing left to do; as DNS-only provider it writes the same entry.
     */
    void addDnsEntry(Network network, Nic nic, VirtualMachineProfile vm) {
        if (handles(network, Service.DHCP)) {
            metrics.measure(Operation.ADD_DNS_ENTRY, () -> Outcome.SKIPPED);
            return;
        }
        send(Operation.ADD_DNS_ENTRY, handles(network, Service.DNS), network, WithoutRouters.UNAVAILABLE,
                () -> applier.applyDhcpEntry(network, vm, nic));
    }

    /**
     * Removes a User VM's entry from the Running routers. A network without routers, or without a
     * Running one, has no entry to remove (a router's next start replays only the VMs still
     * there); CloudStack throws for a network without routers.
     */
    void removeDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm) {
        metrics.measure(Operation.REMOVE_DHCP_ENTRY, () -> {
            if (!handles(network, Service.DHCP) || !VirtualRouterElement.isUserVm(vm)) {
                return Outcome.NOT_HANDLED;
            }
            if (!gate.anyRunning(network)) {
                return Outcome.SKIPPED;
            }
            applier.removeDhcpEntry(network, vm, nic);
            return Outcome.APPLIED;
        });
    }

    /**
     * A NIC inside the network's CIDR needs nothing more. A NIC in another subnet of a shared
     * network needs the router's IP alias in that subnet (CloudStack's {@code configDhcpForSubnet}):
     * the host controller allocates it and lists it in the network's configuration; the element
     * puts the network's active aliases on its routers.
     *
     * @throws ResourceUnavailableException when the configuration holds no active alias for the
     *     NIC's subnet, or the network has no router
     */
    void configSubnet(Operation operation, Network network, Nic nic, Service service) {
        metrics.measure(operation, () -> {
            if (!handles(network, service)) {
                return Outcome.NOT_HANDLED;
            }
            boolean secondary = nic.ipAddress().isPresent() && network.cidr().isPresent()
                    && !network.cidr().get().contains(nic.ipAddress().get());
            if (!secondary) {
                return Outcome.SKIPPED;
            }
            List<IpAlias> active = configurations.load(network.id()).ipAliases().stream().filter(alias -> !alias.revoked()).toList();
            if (active.stream().noneMatch(alias -> alias.subnet().contains(nic.ipAddress().get()))) {
                throw new ResourceUnavailableException("network " + network.id() + ": serving " + service + " to " + nic.ipAddress().get()
                        + " outside " + network.cidr().get() + " needs an IP alias of the router in its subnet; the configuration has none");
            }
            if (!gate.admit(network, operation, WithoutRouters.UNAVAILABLE)) {
                return Outcome.SKIPPED;
            }
            applier.applyIpAliases(network, active);
            return Outcome.APPLIED;
        });
    }

    /**
     * Removes the network's revoked IP aliases from its routers and restates the active ones
     * (CloudStack's {@code removeDhcpSupportForSubnet}). Nothing to do without revoked aliases.
     */
    void removeSubnets(Operation operation, Network network, Service service) {
        metrics.measure(operation, () -> {
            if (!handles(network, service)) {
                return Outcome.NOT_HANDLED;
            }
            List<IpAlias> aliases = configurations.load(network.id()).ipAliases();
            if (aliases.stream().noneMatch(IpAlias::revoked) || !gate.admit(network, operation, WithoutRouters.NOTHING_TO_DO)) {
                return Outcome.SKIPPED;
            }
            applier.applyIpAliases(network, aliases);
            return Outcome.APPLIED;
        });
    }

    /** For a User VM starting: needs a router, as {@link #addDhcpEntry}. */
    void addPasswordAndUserdata(Network network, Nic nic, VirtualMachineProfile vm) {
        send(Operation.ADD_PASSWORD_AND_USERDATA, handles(network, Service.USER_DATA) && VirtualRouterElement.isUserVm(vm), network,
                WithoutRouters.UNAVAILABLE, () -> applier.applyVmData(network, vm, nic));
    }

    /** See {@link VirtualRouterElement#savePassword}. */
    void savePassword(Network network, Nic nic, VirtualMachineProfile vm) {
        metrics.measure(Operation.SAVE_PASSWORD, () -> {
            if (!handles(network, Service.USER_DATA) || !VirtualRouterElement.isUserVm(vm)) {
                return Outcome.NOT_HANDLED;
            }
            if (vm.password().isEmpty()) {
                throw new InvalidParameterException("password", "the profile of " + vm.vm().instanceName() + " carries no password to save");
            }
            if (!gate.anyRunning(network)) {
                log.debug("network {}: no Running router; the password of {} goes out with the next VM or router start", network.id(),
                        vm.vm().instanceName());
                return Outcome.SKIPPED;
            }
            applier.savePassword(network, vm, nic);
            return Outcome.APPLIED;
        });
    }

    /** Rewrites user data and metadata only: the password, if the profile holds one, is not resent. */
    void saveUserData(Network network, Nic nic, VirtualMachineProfile vm) {
        VirtualMachineProfile dataOnly = withoutPassword(vm);
        send(Operation.SAVE_USER_DATA, handles(network, Service.USER_DATA) && VirtualRouterElement.isUserVm(vm), network,
                WithoutRouters.NOTHING_TO_DO, () -> applier.applyVmData(network, dataOnly, nic));
    }

    /** Publishes the key with the VM data, and the profile's password with it when it carries one (a password-enabled template). */
    void saveSshKey(Network network, Nic nic, VirtualMachineProfile vm, String sshPublicKey) {
        VirtualMachineProfile withKey = vm.withSecrets(vm.password(), vm.userData(), Optional.of(sshPublicKey));
        send(Operation.SAVE_SSH_KEY, handles(network, Service.USER_DATA) && VirtualRouterElement.isUserVm(vm), network,
                WithoutRouters.NOTHING_TO_DO, () -> applier.applyVmData(network, withKey, nic));
    }

    void saveHypervisorHostname(Network network, Nic nic, VirtualMachineProfile vm, Host host) {
        VirtualMachineProfile placed = new VirtualMachineProfile(vm.vm().placedOn(host.id(), host.podId()), vm.nics(), vm.bootArgs(),
                vm.template(), vm.serviceOffering(), Optional.empty(), vm.userData(), vm.sshPublicKey());
        send(Operation.SAVE_HYPERVISOR_HOSTNAME, handles(network, Service.USER_DATA) && VirtualRouterElement.isUserVm(vm), network,
                WithoutRouters.NOTHING_TO_DO, () -> applier.applyVmData(network, placed, nic));
    }

    private void send(Operation operation, boolean handled, Network network, WithoutRouters withoutRouters, Runnable action) {
        metrics.measure(operation, () -> {
            if (!handled) {
                return Outcome.NOT_HANDLED;
            }
            if (!gate.admit(network, operation, withoutRouters)) {
                return Outcome.SKIPPED;
            }
            action.run();
            return Outcome.APPLIED;
        });
    }

    private static boolean handles(Network network, Service service) {
        return VirtualRouterElement.handles(network, service);
    }

    private static VirtualMachineProfile withoutPassword(VirtualMachineProfile vm) {
        return vm.withSecrets(Optional.empty(), vm.userData(), vm.sshPublicKey());
    }
}
