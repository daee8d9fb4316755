package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.VpnChecks;

/**
 * Enables or disables the L2TP/IPsec remote-access VPN server: CloudStack's
 * {@code RemoteAccessVpnCfgCommand}, {@code Commands} id {@code startVpn} (after the users command).
 * On the wire one {@code remote_access_vpn.json} (type {@code remoteaccessvpn}): {@code create},
 * {@code ip_range} ({@code first-last}), {@code preshared_key}, {@code vpn_server_ip},
 * {@code local_ip}, {@code local_cidr}, {@code public_interface}.
 *
 * <p>Invariants, checked with the rules of {@link VpnChecks} that the domain's
 * {@code RemoteAccessVpn} shares: the local IP (IPv4) lies in the local CIDR, a network address;
 * the client range is IPv4 and does not overlap it; the PSK is a non-empty {@link Secret} with no
 * quotes, whitespace or control characters (it lands in {@code ipsec.secrets} between double
 * quotes). Runs in sequence, as in CloudStack.
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
        VpnChecks.requirePresharedKey("preshared_key", requireNonNull(presharedKey, "presharedKey is null"));
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localCidr, "localCidr is null");
        VpnChecks.requireClientAddressing(ipRange, localIp, localCidr);
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
