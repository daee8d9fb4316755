package org.vrouter.router.vpn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.VpnUser;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.RemoteAccessVpnBag;
import org.vrouter.router.databag.Site2SiteVpnBag;
import org.vrouter.router.databag.VpnUserListBag;

/** VPN databags for tests, built from the wire payloads CloudStack sends. */
final class VpnBags {
    private VpnBags() {}

    /** A peer as in wire-format.md §8.15, with the given policies and key. */
    static Site2SiteVpnPayload peer(String local, String localCidr, String peer, String peerCidrs, String ike, String esp, String psk) {
        return peer(local, localCidr, peer, peerCidrs, ike, esp, psk, "ike", false, false);
    }

    static Site2SiteVpnPayload peer(String local, String localCidr, String peer, String peerCidrs, String ike, String esp, String psk,
            String ikeVersion, boolean dpd, boolean split) {
        return new Site2SiteVpnPayload(IpAddress.parse("local_public_ip", local), Cidr.parse("local_guest_cidr", localCidr),
                IpAddress.parse("local_public_gateway", local), IpAddress.parse("peer_gateway_ip", peer),
                CidrList.parse("peer_guest_cidr_list", peerCidrs), esp, ike, Secret.of(psk), Optional.of(ikeVersion), 86400, 3600,
                true, dpd, false, false, Optional.of(split), false);
    }

    /** {@code peer} with {@code passive} set. */
    static Site2SiteVpnPayload passive(Site2SiteVpnPayload peer, boolean passive) {
        return new Site2SiteVpnPayload(peer.localPublicIp(), peer.localGuestCidr(), peer.localPublicGateway(), peer.peerGatewayIp(),
                peer.peerGuestCidrList(), peer.espPolicy(), peer.ikePolicy(), peer.ipsecPsk(), peer.ikeVersion(), peer.ikeLifetime(),
                peer.espLifetime(), peer.create(), peer.dpd(), passive, peer.encap(), peer.splitConnections(), false);
    }

    static RemoteAccessVpnPayload server(String publicIp, String psk) {
        return new RemoteAccessVpnPayload(true, "10.1.2.1-10.1.2.8", Secret.of(psk), IpAddress.parse("vpn_server_ip", publicIp),
                IpAddress.parse("local_ip", "10.1.1.1"), Cidr.parse("local_cidr", "10.1.1.0/24"), "eth2", false);
    }

    static VpnUser user(String name, String password) {
        return new VpnUser(name, Secret.of(password), true);
    }

    static Databags bags(List<Site2SiteVpnPayload> peers, List<RemoteAccessVpnPayload> servers, List<VpnUser> users) {
        Map<IpAddress, Site2SiteVpnPayload> byPeer = new LinkedHashMap<>();
        peers.forEach(peer -> byPeer.put(peer.peerGatewayIp(), peer));
        Map<IpAddress, RemoteAccessVpnPayload> byServer = new LinkedHashMap<>();
        servers.forEach(server -> byServer.put(server.vpnServerIp(), server));
        Map<String, VpnUser> byName = new LinkedHashMap<>();
        users.forEach(user -> byName.put(user.user(), user));
        return Databags.empty().with(new Site2SiteVpnBag(byPeer)).with(new RemoteAccessVpnBag(byServer)).with(new VpnUserListBag(byName));
    }
}
