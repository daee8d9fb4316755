package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.BiFunction;

import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.VpnApplier;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * The {@link VpnApplier} half of {@link RouterManagerImpl} (management-side §10): a remote-access
 * VPN goes to the routers of its network or VPC, read from the {@link NetworkConfigurationSource};
 * a site-to-site connection is created on the VPC's routers, only the PRIMARY ones of a redundant
 * pair, and removed from all of them.
 */
final class VpnApplications implements VpnApplier {
    private final RouterOperations operations;
    private final RouterDispatch dispatch;
    private final CommandSetupHelper helper;
    private final NetworkConfigurationSource source;

    VpnApplications(RouterOperations operations, RouterDispatch dispatch, CommandSetupHelper helper, NetworkConfigurationSource source) {
        this.operations = requireNonNull(operations, "operations is null");
        this.dispatch = requireNonNull(dispatch, "dispatch is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.source = requireNonNull(source, "source is null");
    }

    /** Where a remote-access VPN lives: its routers, its zone, and how its users command is built. */
    private record Target(List<DomainRouter> routers, Zone zone, BiFunction<DomainRouter, List<VpnUser>, VpnUsersCfgCommand> users) {}

    private Target target(RemoteAccessVpn vpn) {
        if (vpn.networkId().isPresent()) {
            Network network = source.load(vpn.networkId().getAsLong()).network();
            return new Target(operations.routers(network.id()), network.zone(),
                    (router, users) -> helper.createVpnUsersCommand(router, network, users));
        }
        Vpc vpc = source.vpc(vpn.vpcId().getAsLong());
        return new Target(operations.vpcRouters(vpc.id()), vpc.zone(), (router, users) -> helper.createVpnUsersCommand(router, vpc, users));
    }

    @Override
    public void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users) {
        if (users.isEmpty()) {
            return;
        }
        Target target = target(vpn);
        dispatch.apply("VPN users", target.routers(),
                router -> Batches.of(Commands.OnError.CONTINUE, CommandIds.VPN_USERS, List.of(target.users().apply(router, users))));
    }

    @Override
    public void startRemoteAccessVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
        Target target = target(vpn);
        dispatch.applyRunningOnly("remote-access VPN start", target.routers(), router -> {
            Commands.Builder batch = Commands.builder(Commands.OnError.STOP);
            if (!users.isEmpty()) {
                batch.add(CommandIds.VPN_USERS, target.users().apply(router, users));
            }
            return batch.add(CommandIds.START_VPN, helper.createRemoteAccessVpnCommand(router, target.zone(), vpn, true)).build();
        });
    }

    @Override
    public void stopRemoteAccessVpn(RemoteAccessVpn vpn) {
        Target target = target(vpn);
        dispatch.apply("remote-access VPN stop", target.routers(), router -> Batches.of(Commands.OnError.CONTINUE, CommandIds.START_VPN,
                List.of(helper.createRemoteAccessVpnCommand(router, target.zone(), vpn, false))));
    }

    @Override
    public void startSite2SiteVpn(Site2SiteVpnConnection connection) {
        Vpc vpc = source.vpc(connection.vpcId());
        List<DomainRouter> routers = operations.vpcRouters(vpc.id()).stream()
                .filter(router -> !router.redundant() || router.redundantState() == RedundantState.PRIMARY)
                .toList();
        dispatch.apply("site-to-site VPN", routers,
                router -> Commands.of(CommandIds.SITE_TO_SITE_VPN, helper.createSite2SiteVpnCommand(router, vpc, connection, true)));
    }

    @Override
    public void stopSite2SiteVpn(Site2SiteVpnConnection connection) {
        Vpc vpc = source.vpc(connection.vpcId());
        dispatch.apply("site-to-site VPN removal", operations.vpcRouters(vpc.id()),
                router -> Commands.of(CommandIds.SITE_TO_SITE_VPN, helper.createSite2SiteVpnCommand(router, vpc, connection, false)));
    }
}
