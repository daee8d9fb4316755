package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * The openings of an L2TP/IPsec remote-access VPN server on an isolated router (a
 * {@code remoteaccessvpn} databag entry with {@code create: true}): IKE, NAT-T and L2TP on the
 * public address, ESP and AH, DNS for the clients ({@code ppp+} interfaces), and forwarding between
 * the clients and the guest network. Input to {@link IsolatedFirewallRenderer}.
 *
 * @param publicIp the VPN server address ({@code vpn_server_ip}), one of the public addresses
 * @param localIp the router's guest address handed to clients as DNS server ({@code local_ip})
 * @param localCidr the guest network the clients reach ({@code local_cidr}), without host bits
 */
public record RemoteAccessVpnOpening(IpAddress publicIp, IpAddress localIp, Cidr localCidr) {
    public RemoteAccessVpnOpening {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localCidr, "localCidr is null");
        if (!publicIp.isIpv4() || !localIp.isIpv4()) {
            throw new InvalidParameterException(publicIp.isIpv4() ? "local_ip" : "vpn_server_ip", "must be IPv4",
                    publicIp.isIpv4() ? localIp : publicIp);
        }
        if (!localCidr.isIpv4() || !localCidr.isNetworkAddress() || localCidr.prefixLength() == 0) {
            throw new InvalidParameterException("local_cidr", "must be an IPv4 network without host bits", localCidr);
        }
    }
}
