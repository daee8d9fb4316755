package org.vrouter.commands.wire;

import java.util.Optional;

import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.commands.to.VpnUserTO;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.VpnUser;
import org.vrouter.commands.wire.payload.VpnUserListPayload;

/** Payloads of the VPN commands: remote access ({@code remoteaccessvpn}), its users ({@code vpnuserlist}) and site-to-site ({@code site2sitevpn}). */
final class VpnPayloads {
    private VpnPayloads() {}

    /** {@code remote_access_vpn.json}: {@code ip_range} as {@code first-last}, {@code public_interface} eth1 (VPC) or eth2. */
    static RemoteAccessVpnPayload remoteAccess(RemoteAccessVpnCfgCommand command) {
        return new RemoteAccessVpnPayload(command.create(), command.ipRange().toString(), command.presharedKey(), command.vpnServerIp(),
                command.localIp(), command.localCidr(), command.publicInterface(), false);
    }

    /** {@code vpn_user_list.json}: removals first, as the command keeps them. */
    static VpnUserListPayload users(VpnUsersCfgCommand command) {
        return VpnUserListPayload.of(PayloadElements.map("vpn_users", command.users(), VpnPayloads::user));
    }

    private static VpnUser user(VpnUserTO user) {
        return new VpnUser(user.username(), user.password(), user.add());
    }

    /** {@code site_2_site_vpn.json}: peer CIDRs comma-joined, lifetimes in seconds, the newest fields always written. */
    static Site2SiteVpnPayload siteToSite(Site2SiteVpnCfgCommand command) {
        return new Site2SiteVpnPayload(command.localPublicIp(), command.localGuestCidr(), command.localPublicGateway(),
                command.peerGatewayIp(), new CidrList(command.peerGuestCidrs()), command.espPolicy(), command.ikePolicy(),
                command.ipsecPsk(), Optional.of(command.ikeVersion().wireName()), command.ikeLifetimeSeconds(),
                command.espLifetimeSeconds(), command.create(), command.dpd(), command.passive(), command.encap(),
                Optional.of(command.splitConnections()), false);
    }
}
