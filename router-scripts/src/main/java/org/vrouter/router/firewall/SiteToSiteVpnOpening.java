package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * What the firewall opens for one site-to-site IPsec peer (a {@code site2sitevpn} entry): IKE (UDP 500),
 * NAT-T (UDP 4500) and ESP from the peer gateway to the local public address, and the NAT exemption of
 * the traffic between the local network and the peer's networks, which must enter the tunnel with its
 * own addresses rather than be source-NATed. Rendered by {@link VpnRules}.
 *
 * @param localPublicIp the router's tunnel address ({@code local_public_ip}), one of its public addresses
 * @param peerGatewayIp the remote gateway ({@code peer_gateway_ip})
 * @param localCidr the local network ({@code local_guest_cidr}), without host bits
 * @param peerCidrs the peer's networks ({@code peer_guest_cidr_list}), without host bits
 */
public record SiteToSiteVpnOpening(IpAddress localPublicIp, IpAddress peerGatewayIp, Cidr localCidr, List<Cidr> peerCidrs) {
    public SiteToSiteVpnOpening {
        requireNonNull(localPublicIp, "localPublicIp is null");
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        requireNonNull(localCidr, "localCidr is null");
        peerCidrs = List.copyOf(requireNonNull(peerCidrs, "peerCidrs is null"));
        if (!localPublicIp.isIpv4() || !peerGatewayIp.isIpv4()) {
            throw new InvalidParameterException(localPublicIp.isIpv4() ? "peer_gateway_ip" : "local_public_ip", "must be IPv4",
                    localPublicIp.isIpv4() ? peerGatewayIp : localPublicIp);
        }
        if (!localCidr.isIpv4() || !localCidr.isNetworkAddress()) {
            throw new InvalidParameterException("local_guest_cidr", "must be an IPv4 network without host bits", localCidr);
        }
        if (peerCidrs.isEmpty()) {
            throw new InvalidParameterException("peer_guest_cidr_list", "is empty");
        }
        for (Cidr peer : peerCidrs) {
            if (!peer.isIpv4() || !peer.isNetworkAddress()) {
                throw new InvalidParameterException("peer_guest_cidr_list", "must hold IPv4 networks without host bits", peer);
            }
        }
    }
}
