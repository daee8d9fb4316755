package org.vrouter.core.setup;

import java.util.List;

import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.VpnUsersCfgCommand;

/** Remote-access VPN users and server, site-to-site connections. */
final class VpnCommands {
    private VpnCommands() {}

    /** Users in state Add or Active are added, Revoke users removed; the command lists removals first. */
    static VpnUsersCfgCommand users(DomainRouter router, Zone zone, long accountId, List<VpnUser> users) {
        AccessDetails details = Envelope.inZone(router, zone).put(AccessDetails.ACCOUNT_ID, Long.toString(accountId)).build();
        return new VpnUsersCfgCommand(details, users.stream().map(TransferObjects::vpnUser).toList());
    }

    /** The L2TP/IPsec server; {@code vpc} (public interface eth1) when the VPN belongs to a VPC. */
    static RemoteAccessVpnCfgCommand remoteAccess(DomainRouter router, Zone zone, RemoteAccessVpn vpn, boolean create) {
        return new RemoteAccessVpnCfgCommand(Envelope.inZone(router, zone).build(), create, vpn.vpcId().isPresent(), vpn.serverIp(),
                vpn.ipRange(), vpn.presharedKey(), vpn.localIp(), vpn.localCidr());
    }

    /** One IPsec connection; the local guest CIDR is the VPC's CIDR, as CloudStack sends it. */
    static Site2SiteVpnCfgCommand site2Site(DomainRouter router, Vpc vpc, Site2SiteVpnConnection connection, boolean create) {
        RuleCommands.requireRouterOf(router, vpc);
        if (connection.vpcId() != vpc.id()) {
            throw new InvalidParameterException("vpc_id", "the connection belongs to another VPC than " + vpc.id(), connection.vpcId());
        }
        return Site2SiteVpnCfgCommand.builder(Envelope.inZone(router, vpc.zone()).build(), connection.localPublicIp(),
                        connection.localPublicGateway(), vpc.cidr(), connection.peerGatewayIp())
                .create(create)
                .peerGuestCidrs(connection.peerCidrs())
                .psk(connection.presharedKey())
                .policies(connection.ikePolicy(), connection.espPolicy())
                .lifetimesSeconds(connection.ikeLifetimeSeconds(), connection.espLifetimeSeconds())
                .dpd(connection.dpd())
                .passive(connection.passive())
                .encap(connection.encap())
                .splitConnections(connection.splitConnections())
                .ikeVersion(connection.ikeVersion())
                .build();
    }
}
