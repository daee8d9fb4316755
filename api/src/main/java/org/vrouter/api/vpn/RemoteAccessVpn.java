package org.vrouter.api.vpn;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * An L2TP/IPsec remote-access VPN server on a router, for one isolated network or one VPC.
 *
 * <p>Validated at construction, with the rules of {@link VpnChecks} that the remote-access command
 * shares: exactly one of network and VPC; addresses IPv4; the local CIDR a network address, the
 * local address inside it and the client pool outside it; the pre-shared key non-empty and free of
 * quotes, whitespace and control characters (it lands in {@code ipsec.secrets}).
 *
 * @param serverIp the public address clients connect to ({@code vpn_server_ip})
 * @param ipRange the pool client addresses come from ({@code ip_range})
 * @param localIp the router's address handed to clients as gateway and name server ({@code local_ip})
 * @param localCidr the network or VPC CIDR clients reach ({@code local_cidr})
 */
public record RemoteAccessVpn(
        long id,
        OptionalLong networkId,
        OptionalLong vpcId,
        IpAddress serverIp,
        IpRange ipRange,
        Secret presharedKey,
        IpAddress localIp,
        Cidr localCidr,
        State state) {

    /** Where the VPN is in its life (CloudStack's {@code RemoteAccessVpn.State}). */
    public enum State {
        ADDED("Added"),
        RUNNING("Running"),
        REMOVED("Removed");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }
    }

    public RemoteAccessVpn {
        FieldChecks.requireNonNegative("id", id);
        requireNonNull(networkId, "networkId is null");
        requireNonNull(vpcId, "vpcId is null");
        if (networkId.isPresent() == vpcId.isPresent()) {
            throw new InvalidParameterException("network_id", "a remote-access VPN belongs to exactly one network or one VPC");
        }
        networkId.ifPresent(network -> FieldChecks.requirePositive("network_id", network));
        vpcId.ifPresent(vpc -> FieldChecks.requirePositive("vpc_id", vpc));
        requireNonNull(serverIp, "serverIp is null");
        requireNonNull(ipRange, "ipRange is null");
        requireNonNull(presharedKey, "presharedKey is null");
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localCidr, "localCidr is null");
        requireNonNull(state, "state is null");
        serverIp.requireIpv4("vpn_server_ip");
        VpnChecks.requireClientAddressing(ipRange, localIp, localCidr);
        VpnChecks.requirePresharedKey("preshared_key", presharedKey);
    }

    /** A VPN for an isolated network, in state Added. */
    public static RemoteAccessVpn forNetwork(long id, long networkId, IpAddress serverIp, IpRange ipRange, Secret presharedKey,
            IpAddress localIp, Cidr localCidr) {
        return new RemoteAccessVpn(id, OptionalLong.of(networkId), OptionalLong.empty(), serverIp, ipRange, presharedKey, localIp,
                localCidr, State.ADDED);
    }

    /** A VPN for a VPC, in state Added. */
    public static RemoteAccessVpn forVpc(long id, long vpcId, IpAddress serverIp, IpRange ipRange, Secret presharedKey,
            IpAddress localIp, Cidr localCidr) {
        return new RemoteAccessVpn(id, OptionalLong.empty(), OptionalLong.of(vpcId), serverIp, ipRange, presharedKey, localIp,
                localCidr, State.ADDED);
    }

    /** The same VPN in another state. */
    public RemoteAccessVpn withState(State newState) {
        return new RemoteAccessVpn(id, networkId, vpcId, serverIp, ipRange, presharedKey, localIp, localCidr, newState);
    }
}
