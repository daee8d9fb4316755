package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Predicate;

import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.VpnApplier;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * The remote-access VPN half of the element. A VPN names only its network's id, so the network
 * (and with it the offering that says whether the virtual router provides Vpn) is read from the
 * host controller's configuration; a VPC's VPN is the VPC element's and not handled here.
 */
final class VpnOperations {
    private final VpnApplier applier;
    private final NetworkConfigurationSource configurations;
    private final RouterGate gate;
    private final OperationMetrics metrics;

    VpnOperations(VpnApplier applier, NetworkConfigurationSource configurations, RouterGate gate, OperationMetrics metrics) {
        this.applier = requireNonNull(applier, "applier is null");
        this.configurations = requireNonNull(configurations, "configurations is null");
        this.gate = requireNonNull(gate, "gate is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** Running routers get the users, Stopped ones are skipped (their start sends them). */
    void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users) {
        send(Operation.APPLY_VPN_USERS, vpn, network -> gate.admit(network, Operation.APPLY_VPN_USERS, WithoutRouters.NOTHING_TO_DO),
                () -> applier.applyVpnUsers(vpn, users));
    }

    /** Every router must be Running: a VPN cannot be started on a stopped router. */
    void startVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
        send(Operation.START_VPN, vpn, network -> gate.admitAllRunning(network, Operation.START_VPN),
                () -> applier.startRemoteAccessVpn(vpn, users));
    }

    void stopVpn(RemoteAccessVpn vpn) {
        send(Operation.STOP_VPN, vpn, network -> gate.admit(network, Operation.STOP_VPN, WithoutRouters.NOTHING_TO_DO),
                () -> applier.stopRemoteAccessVpn(vpn));
    }

    private void send(Operation operation, RemoteAccessVpn vpn, Predicate<Network> admit, Runnable action) {
        metrics.measure(operation, () -> {
            if (vpn.networkId().isEmpty()) {
                return Outcome.NOT_HANDLED;
            }
            Network network = configurations.load(vpn.networkId().getAsLong()).network();
            if (!VirtualRouterElement.handles(network, Service.VPN)) {
                return Outcome.NOT_HANDLED;
            }
            if (!admit.test(network)) {
                return Outcome.SKIPPED;
            }
            action.run();
            return Outcome.APPLIED;
        });
    }
}
