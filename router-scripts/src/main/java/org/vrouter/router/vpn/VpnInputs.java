package org.vrouter.router.vpn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.VpnUser;
import org.vrouter.router.databag.Databags;

/**
 * Maps the {@code site2sitevpn}, {@code remoteaccessvpn} and {@code vpnuserlist} bags to a {@link VpnInput}.
 * Pure. A peer or server whose policy or addressing the router cannot render is an
 * {@link InvalidParameterException} naming the entry and the wire field
 * ({@code site2sitevpn[198.51.100.7].ike_policy}); the converge then fails and changes nothing.
 *
 * <p>A router runs one L2TP server (CloudStack's files are global): with more than one enabled entry the
 * lowest address wins and the others are reported as left out. Users are rendered only while a server is
 * enabled.
 */
public final class VpnInputs {
    /** The input and the entries left out of it, one line each. */
    public record Result(VpnInput input, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private VpnInputs() {}

    public static Result from(Databags bags) {
        List<String> warnings = new ArrayList<>();
        List<SiteToSitePeer> peers = new ArrayList<>();
        for (Site2SiteVpnPayload payload : bags.site2SiteVpn().peers().values()) {
            try {
                peers.add(peer(payload));
            }
            catch (InvalidParameterException e) {
                throw e.within("site2sitevpn[" + payload.peerGatewayIp() + "].");
            }
        }
        Optional<RemoteAccessServer> server = Optional.empty();
        for (RemoteAccessVpnPayload payload : bags.remoteAccessVpn().servers().values()) {
            if (server.isPresent()) {
                warnings.add("remoteaccessvpn[" + payload.vpnServerIp() + "]: left out: the router runs one L2TP server, on "
                        + server.get().publicIp());
                continue;
            }
            try {
                server = Optional.of(server(payload));
            }
            catch (InvalidParameterException e) {
                throw e.within("remoteaccessvpn[" + payload.vpnServerIp() + "].");
            }
        }
        Map<String, Secret> users = new LinkedHashMap<>();
        if (server.isPresent()) {
            for (VpnUser user : bags.vpnUserList().users().values()) {
                users.put(user.user(), user.password());
            }
        }
        else if (!bags.vpnUserList().isEmpty()) {
            warnings.add("vpnuserlist: " + bags.vpnUserList().users().size() + " users left out: no remote-access VPN is enabled");
        }
        return new Result(new VpnInput(peers, server, users), warnings);
    }

    static SiteToSitePeer peer(Site2SiteVpnPayload payload) {
        Cidr local = payload.localGuestCidr().requireNetworkAddress("local_guest_cidr");
        List<Cidr> remote = new ArrayList<>();
        for (Cidr listed : payload.peerGuestCidrList().cidrs()) {
            Cidr cidr = listed.requireNetworkAddress("peer_guest_cidr_list");
            if (!cidr.isIpv4()) {
                throw new InvalidParameterException("peer_guest_cidr_list", "must hold IPv4 networks", cidr);
            }
            remote.add(cidr);
        }
        int version = switch (payload.ikeVersion().orElse("ike")) {
            case "ikev1" -> 1;
            case "ikev2" -> 2;
            default -> 0;
        };
        return new SiteToSitePeer(payload.localPublicIp(), payload.peerGatewayIp(), local, remote,
                IpsecPolicies.ike("ike_policy", payload.ikePolicy()), IpsecPolicies.esp("esp_policy", payload.espPolicy()),
                version, payload.ikeLifetime(), payload.espLifetime(), payload.dpd(), payload.passive(), payload.encap(),
                payload.splitConnections().orElse(false), payload.ipsecPsk());
    }

    static RemoteAccessServer server(RemoteAccessVpnPayload payload) {
        List<IpAddress> bounds = payload.ipRangeBounds();
        Cidr localCidr = payload.localCidr().network();
        if (!payload.localIp().isIpv4() || !localCidr.contains(payload.localIp())) {
            throw new InvalidParameterException("local_ip", "must be an IPv4 address inside local_cidr " + localCidr, payload.localIp());
        }
        if (!payload.vpnServerIp().isIpv4()) {
            throw new InvalidParameterException("vpn_server_ip", "must be IPv4", payload.vpnServerIp());
        }
        return new RemoteAccessServer(payload.vpnServerIp(), payload.localIp(), localCidr, new IpRange(bounds.get(0), bounds.get(1)),
                payload.presharedKey());
    }
}
