package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;

/**
 * The L2TP/IPsec remote-access server of a router (from an enabled {@code remoteaccessvpn} entry, see
 * {@link VpnInputs}). {@link #toString()} shows the PSK as {@code ****}.
 *
 * @param publicIp where clients connect ({@code vpn_server_ip})
 * @param localIp the router's guest address: the PPP local end and the clients' DNS ({@code local_ip})
 * @param localCidr the network the clients reach ({@code local_cidr})
 * @param clientRange the addresses handed to clients ({@code ip_range})
 */
public record RemoteAccessServer(IpAddress publicIp, IpAddress localIp, Cidr localCidr, IpRange clientRange, Secret psk) {
    /** The swanctl connection's name: CloudStack's {@code L2TP-PSK}. */
    public static final String CONNECTION = "L2TP-PSK";

    public RemoteAccessServer {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localCidr, "localCidr is null");
        requireNonNull(clientRange, "clientRange is null");
        requireNonNull(psk, "psk is null");
    }
}
