package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;

/**
 * One site-to-site IPsec peer as the router renders it (from a {@code site2sitevpn} entry, see
 * {@link VpnInputs}): the policies already translated to strongSwan proposals, lifetimes in seconds.
 * {@link #toString()} shows the PSK as {@code ****}.
 *
 * @param localPublicIp the router's address the tunnel uses ({@code local_public_ip})
 * @param peerGatewayIp the remote gateway ({@code peer_gateway_ip}); names the connection
 * @param localCidr the local network behind the router ({@code local_guest_cidr}), a network address
 * @param peerCidrs the peer's networks ({@code peer_guest_cidr_list}), at least one
 * @param ikeProposals e.g. {@code aes128-sha1-modp1536}
 * @param espProposals e.g. {@code aes128-sha1}
 * @param ikeVersion 0 (either, initiating IKEv2), 1 or 2
 * @param passive wait for the peer instead of initiating
 * @param encap force UDP encapsulation (NAT traversal even without a NAT)
 * @param split one child SA per peer network instead of one for all
 */
public record SiteToSitePeer(IpAddress localPublicIp, IpAddress peerGatewayIp, Cidr localCidr, List<Cidr> peerCidrs,
        String ikeProposals, String espProposals, int ikeVersion, long ikeLifetime, long espLifetime, boolean dpd,
        boolean passive, boolean encap, boolean split, Secret psk) {

    public SiteToSitePeer {
        requireNonNull(localPublicIp, "localPublicIp is null");
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        requireNonNull(localCidr, "localCidr is null");
        peerCidrs = List.copyOf(requireNonNull(peerCidrs, "peerCidrs is null"));
        requireNonNull(ikeProposals, "ikeProposals is null");
        requireNonNull(espProposals, "espProposals is null");
        requireNonNull(psk, "psk is null");
        if (!localPublicIp.isIpv4() || !peerGatewayIp.isIpv4()) {
            throw new InvalidParameterException(localPublicIp.isIpv4() ? "peer_gateway_ip" : "local_public_ip", "must be IPv4",
                    localPublicIp.isIpv4() ? peerGatewayIp : localPublicIp);
        }
        if (peerCidrs.isEmpty()) {
            throw new InvalidParameterException("peer_guest_cidr_list", "is empty");
        }
        if (ikeVersion < 0 || ikeVersion > 2) {
            throw new InvalidParameterException("ike_version", "must be 0, 1 or 2", ikeVersion);
        }
        if (ikeLifetime <= 0 || espLifetime <= 0) {
            throw new InvalidParameterException(ikeLifetime <= 0 ? "ike_lifetime" : "esp_lifetime", "must be positive",
                    ikeLifetime <= 0 ? ikeLifetime : espLifetime);
        }
    }

    /**
     * The connection's name: CloudStack's {@code vpn-<peer>} with the address's dots as dashes
     * ({@code vpn-198-51-100-7}), since a dot separates sections in swanctl's configuration syntax.
     */
    public String connectionName() {
        return connectionName(peerGatewayIp);
    }

    /** The connection name of the peer at {@code peerGatewayIp}. */
    public static String connectionName(IpAddress peerGatewayIp) {
        return "vpn-" + peerGatewayIp.value().replace('.', '-');
    }
}
