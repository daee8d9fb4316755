package org.vrouter.api.vpn;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * An IPsec tunnel between a VPC router and a customer gateway: the local end (VPC public address
 * and CIDR), the peer (gateway address and CIDRs) and the IKE/ESP parameters.
 *
 * <p>Validated at construction, with the rules of {@link VpnChecks} that the site-to-site command
 * shares: addresses IPv4; the local guest CIDR and at least one peer CIDR, all network addresses,
 * no peer overlapping the local one; policies {@code cipher-hash[,cipher-hash...][;dhgroup]}
 * ({@code aes128-sha1;modp1536}); lifetimes 1 to 86400 seconds; the pre-shared key non-empty and
 * free of quotes, whitespace and control characters. Build one with {@link #builder}.
 *
 * @param localGuestCidr the VPC CIDR ({@code local_guest_cidr})
 * @param peerCidrs the customer networks reached through the tunnel ({@code peer_guest_cidr_list})
 * @param dpd whether dead-peer detection is on
 * @param passive whether the router waits for the peer to initiate
 * @param encap whether UDP encapsulation is forced
 * @param splitConnections whether each peer CIDR gets its own child SA
 */
public record Site2SiteVpnConnection(
        long id,
        long vpcId,
        IpAddress localPublicIp,
        IpAddress localPublicGateway,
        Cidr localGuestCidr,
        IpAddress peerGatewayIp,
        List<Cidr> peerCidrs,
        String ikePolicy,
        String espPolicy,
        int ikeLifetimeSeconds,
        int espLifetimeSeconds,
        Secret presharedKey,
        boolean dpd,
        boolean passive,
        boolean encap,
        boolean splitConnections,
        IkeVersion ikeVersion,
        State state) {

    /** The IKE version ({@code ike_version}); {@code ike} lets the peers negotiate. */
    public enum IkeVersion {
        IKE("ike"),
        IKEV1("ikev1"),
        IKEV2("ikev2");

        private final String wireName;

        IkeVersion(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static IkeVersion fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), IkeVersion::wireName);
        }
    }

    /** The tunnel's state as the router reports it (CloudStack's {@code Site2SiteVpnConnection.State}). */
    public enum State {
        PENDING("Pending"),
        CONNECTING("Connecting"),
        CONNECTED("Connected"),
        DISCONNECTED("Disconnected"),
        ERROR("Error");

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

    public Site2SiteVpnConnection {
        FieldChecks.requireNonNegative("id", id);
        FieldChecks.requirePositive("vpc_id", vpcId);
        requireNonNull(localPublicIp, "localPublicIp is null");
        requireNonNull(localPublicGateway, "localPublicGateway is null");
        requireNonNull(localGuestCidr, "localGuestCidr is null");
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        requireNonNull(presharedKey, "presharedKey is null");
        requireNonNull(ikeVersion, "ikeVersion is null");
        requireNonNull(state, "state is null");
        localPublicIp.requireIpv4("local_public_ip");
        localPublicGateway.requireIpv4("local_public_gateway");
        peerGatewayIp.requireIpv4("peer_gateway_ip");
        localGuestCidr.requireNetworkAddress("local_guest_cidr");
        peerCidrs = List.copyOf(peerCidrs);
        if (peerCidrs.isEmpty()) {
            throw new InvalidParameterException("peer_guest_cidr_list", "is empty");
        }
        for (int i = 0; i < peerCidrs.size(); i++) {
            VpnChecks.requirePeerCidr("peer_guest_cidr_list[" + i + "]", peerCidrs.get(i), localGuestCidr);
        }
        VpnChecks.requireIpsecPolicy("ike_policy", ikePolicy);
        VpnChecks.requireIpsecPolicy("esp_policy", espPolicy);
        VpnChecks.requireLifetime("ike_lifetime", ikeLifetimeSeconds);
        VpnChecks.requireLifetime("esp_lifetime", espLifetimeSeconds);
        VpnChecks.requirePresharedKey("ipsec_psk", presharedKey);
    }

    /**
     * Starts a connection with defaults: policies aes128-sha1;modp1536 (IKE) and aes128-sha1 (ESP),
     * lifetimes 86400 s (IKE) and 3600 s (ESP),
     * IKE version {@code ike}, no DPD, not passive, no forced encapsulation, one child SA, state
     * Pending.
     */
    public static Builder builder(long id, long vpcId, IpAddress localPublicIp, IpAddress localPublicGateway, Cidr localGuestCidr,
            IpAddress peerGatewayIp, List<Cidr> peerCidrs, Secret presharedKey) {
        return new Builder(id, vpcId, localPublicIp, localPublicGateway, localGuestCidr, peerGatewayIp, peerCidrs, presharedKey);
    }

    /** Collects the components of a {@link Site2SiteVpnConnection}; {@link #build()} validates them. */
    public static final class Builder {
        private final long id;
        private final long vpcId;
        private final IpAddress localPublicIp;
        private final IpAddress localPublicGateway;
        private final Cidr localGuestCidr;
        private final IpAddress peerGatewayIp;
        private final List<Cidr> peerCidrs;
        private final Secret presharedKey;
        private String ikePolicy = "aes128-sha1;modp1536";
        private String espPolicy = "aes128-sha1";
        private int ikeLifetimeSeconds = 86400;
        private int espLifetimeSeconds = 3600;
        private boolean dpd;
        private boolean passive;
        private boolean encap;
        private boolean splitConnections;
        private IkeVersion ikeVersion = IkeVersion.IKE;
        private State state = State.PENDING;

        private Builder(long id, long vpcId, IpAddress localPublicIp, IpAddress localPublicGateway, Cidr localGuestCidr,
                IpAddress peerGatewayIp, List<Cidr> peerCidrs, Secret presharedKey) {
            this.id = id;
            this.vpcId = vpcId;
            this.localPublicIp = localPublicIp;
            this.localPublicGateway = localPublicGateway;
            this.localGuestCidr = localGuestCidr;
            this.peerGatewayIp = peerGatewayIp;
            this.peerCidrs = peerCidrs;
            this.presharedKey = presharedKey;
        }

        public Builder ikePolicy(String ikePolicy) {
            this.ikePolicy = ikePolicy;
            return this;
        }

        public Builder espPolicy(String espPolicy) {
            this.espPolicy = espPolicy;
            return this;
        }

        public Builder lifetimes(int ikeSeconds, int espSeconds) {
            this.ikeLifetimeSeconds = ikeSeconds;
            this.espLifetimeSeconds = espSeconds;
            return this;
        }

        public Builder dpd(boolean dpd) {
            this.dpd = dpd;
            return this;
        }

        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        public Builder encap(boolean encap) {
            this.encap = encap;
            return this;
        }

        public Builder splitConnections(boolean splitConnections) {
            this.splitConnections = splitConnections;
            return this;
        }

        public Builder ikeVersion(IkeVersion ikeVersion) {
            this.ikeVersion = ikeVersion;
            return this;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        public Site2SiteVpnConnection build() {
            return new Site2SiteVpnConnection(id, vpcId, localPublicIp, localPublicGateway, localGuestCidr, peerGatewayIp, peerCidrs,
                    ikePolicy, espPolicy, ikeLifetimeSeconds, espLifetimeSeconds, presharedKey, dpd, passive, encap, splitConnections,
                    ikeVersion, state);
        }
    }
}
