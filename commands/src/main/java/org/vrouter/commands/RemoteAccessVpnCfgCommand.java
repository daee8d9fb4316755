package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * Enables or disables the L2TP/IPsec remote-access VPN server: CloudStack's
 * {@code RemoteAccessVpnCfgCommand}, {@code Commands} id {@code startVpn} (after the users command).
 * On the wire one {@code remote_access_vpn.json} (type {@code remoteaccessvpn}): {@code create},
 * {@code ip_range} ({@code first-last}), {@code preshared_key}, {@code vpn_server_ip},
 * {@code local_ip}, {@code local_cidr}, {@code public_interface}.
 *
 * <p>Invariants: the local IP lies in the local CIDR, a network address; the client range does not
 * overlap it; the PSK is a non-empty {@link Secret} with no quotes or control characters (it lands
 * in {@code ipsec.secrets} between double quotes). Runs in sequence, as in CloudStack.
 *
 * @param create {@code false} tears the VPN down
 * @param vpc the router is a VPC router: the public interface is {@code eth1}, else {@code eth2}
 * @param vpnServerIp the public IP clients connect to
 * @param ipRange addresses handed to clients
 * @param localIp the router's guest address, the clients' gateway and DNS server
 * @param localCidr the guest network (or VPC) CIDR
 */
public record RemoteAccessVpnCfgCommand(
        AccessDetails accessDetails,
        boolean create,
        boolean vpc,
        IpAddress vpnServerIp,
        IpRange ipRange,
        Secret presharedKey,
        IpAddress localIp,
        Cidr localCidr) implements NetworkElementCommand {

    public RemoteAccessVpnCfgCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(vpnServerIp, "vpnServerIp is null");
        requireNonNull(ipRange, "ipRange is null");
        if (!ipRange.first().isIpv4()) {
            throw new InvalidParameterException("ip_range", "must be an IPv4 address range", ipRange);
        }
        requireNonNull(presharedKey, "presharedKey is null");
        if (presharedKey.isEmpty()) {
            throw new InvalidParameterException("preshared_key", "is empty");
        }
        FieldChecks.requireSafeSecret("preshared_key", presharedKey.reveal());
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localCidr, "localCidr is null");
        localCidr.requireNetworkAddress("local_cidr");
        if (!localCidr.contains(localIp)) {
            throw new InvalidParameterException("local_ip", "outside local_cidr " + localCidr, localIp);
        }
        if (localCidr.contains(ipRange.first()) || localCidr.contains(ipRange.last()) || ipRange.contains(localCidr.address())) {
            throw new InvalidParameterException("ip_range", "overlaps local_cidr " + localCidr, ipRange);
        }
    }

    /** The router's public interface: {@code eth1} on VPC routers, {@code eth2} otherwise (CloudStack's rule). */
    public String publicInterface() {
        return vpc ? "eth1" : "eth2";
    }

    /** True, as CloudStack's command. */
    @Override
    public boolean executeInSequence() {
        return true;
    }
}
