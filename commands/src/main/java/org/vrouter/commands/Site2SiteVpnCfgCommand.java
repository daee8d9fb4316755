package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.Site2SiteVpnConnection.IkeVersion;
import org.vrouter.api.vpn.VpnChecks;

/**
 * Creates or removes one site-to-site IPsec connection of a VPC router: CloudStack's
 * {@code Site2SiteVpnCfgCommand}, {@code Commands} id {@code applyS2SVpn}. On the wire one
 * {@code site_2_site_vpn.json} (type {@code site2sitevpn}): {@code local_public_ip},
 * {@code local_guest_cidr}, {@code local_public_gateway}, {@code peer_gateway_ip},
 * {@code peer_guest_cidr_list} (comma-joined), {@code esp_policy}, {@code ike_policy},
 * {@code ipsec_psk}, {@code ike_lifetime}, {@code esp_lifetime} (seconds), {@code create},
 * {@code dpd}, {@code passive}, {@code encap}, {@code split_connections}, {@code ike_version}.
 *
 * <p>Invariants, checked with the rules of {@link VpnChecks} that the domain's
 * {@code Site2SiteVpnConnection} shares: policies have the shape
 * {@code cipher-hash[,cipher-hash...][;dhgroup]} in letters and digits ({@code aes128-sha1;modp1536});
 * lifetimes are 1 to 86400 seconds; the local guest CIDR and the peer CIDRs are network addresses,
 * at least one peer, none overlapping the local guest CIDR; the PSK is a non-empty {@link Secret}
 * without quotes, whitespace or control characters (it lands in {@code ipsec.secrets}). Runs in
 * sequence.
 *
 * @param create {@code false} removes the connection
 * @param localGuestCidr the VPC CIDR
 * @param passive wait for the peer to initiate
 * @param encap force UDP encapsulation
 * @param splitConnections one IPsec connection per peer CIDR
 */
public record Site2SiteVpnCfgCommand(
        AccessDetails accessDetails,
        boolean create,
        IpAddress localPublicIp,
        IpAddress localPublicGateway,
        Cidr localGuestCidr,
        IpAddress peerGatewayIp,
        List<Cidr> peerGuestCidrs,
        Secret ipsecPsk,
        String ikePolicy,
        String espPolicy,
        long ikeLifetimeSeconds,
        long espLifetimeSeconds,
        boolean dpd,
        boolean passive,
        boolean encap,
        boolean splitConnections,
        IkeVersion ikeVersion) implements NetworkElementCommand {

    public Site2SiteVpnCfgCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(localPublicIp, "localPublicIp is null");
        requireNonNull(localPublicGateway, "localPublicGateway is null");
        if (localPublicGateway.isIpv4() != localPublicIp.isIpv4()) {
            throw new InvalidParameterException("local_public_gateway", "address family differs from local_public_ip", localPublicGateway);
        }
        requireNonNull(localGuestCidr, "localGuestCidr is null").requireNetworkAddress("local_guest_cidr");
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        peerGuestCidrs = CommandChecks.nonEmpty(peerGuestCidrs, "peer_guest_cidr_list");
        for (Cidr peer : peerGuestCidrs) {
            VpnChecks.requirePeerCidr("peer_guest_cidr_list", peer, localGuestCidr);
        }
        VpnChecks.requirePresharedKey("ipsec_psk", requireNonNull(ipsecPsk, "ipsecPsk is null"));
        VpnChecks.requireIpsecPolicy("ike_policy", ikePolicy);
        VpnChecks.requireIpsecPolicy("esp_policy", espPolicy);
        VpnChecks.requireLifetime("ike_lifetime", ikeLifetimeSeconds);
        VpnChecks.requireLifetime("esp_lifetime", espLifetimeSeconds);
        requireNonNull(ikeVersion, "ikeVersion is null");
    }

    /**
     * Starts a connection to create. Defaults: IKE lifetime 86400 s, ESP lifetime 3600 s, IKE
     * version {@code ike}, DPD, passive, encap and split connections off. Policies are required.
     */
    public static Builder builder(AccessDetails accessDetails, IpAddress localPublicIp, IpAddress localPublicGateway,
            Cidr localGuestCidr, IpAddress peerGatewayIp) {
        return new Builder(accessDetails, localPublicIp, localPublicGateway, localGuestCidr, peerGatewayIp);
    }

    /** True, as CloudStack's command. */
    @Override
    public boolean executeInSequence() {
        return true;
    }

    /** Collects a connection's settings; {@link #build()} validates them. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final IpAddress localPublicIp;
        private final IpAddress localPublicGateway;
        private final Cidr localGuestCidr;
        private final IpAddress peerGatewayIp;
        private boolean create = true;
        private final List<Cidr> peerGuestCidrs = new ArrayList<>();
        private Secret ipsecPsk;
        private String ikePolicy;
        private String espPolicy;
        private long ikeLifetimeSeconds = 86_400;
        private long espLifetimeSeconds = 3_600;
        private boolean dpd;
        private boolean passive;
        private boolean encap;
        private boolean splitConnections;
        private IkeVersion ikeVersion = IkeVersion.IKE;

        private Builder(AccessDetails accessDetails, IpAddress localPublicIp, IpAddress localPublicGateway, Cidr localGuestCidr,
                IpAddress peerGatewayIp) {
            this.accessDetails = requireNonNull(accessDetails, "accessDetails is null");
            this.localPublicIp = requireNonNull(localPublicIp, "localPublicIp is null");
            this.localPublicGateway = requireNonNull(localPublicGateway, "localPublicGateway is null");
            this.localGuestCidr = requireNonNull(localGuestCidr, "localGuestCidr is null");
            this.peerGatewayIp = requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        }

        /** {@code false} removes the connection. */
        public Builder create(boolean create) {
            this.create = create;
            return this;
        }

        public Builder peerGuestCidrs(List<Cidr> cidrs) {
            peerGuestCidrs.addAll(cidrs);
            return this;
        }

        public Builder psk(Secret psk) {
            this.ipsecPsk = requireNonNull(psk, "psk is null");
            return this;
        }

        public Builder policies(String ike, String esp) {
            this.ikePolicy = requireNonNull(ike, "ike is null");
            this.espPolicy = requireNonNull(esp, "esp is null");
            return this;
        }

        public Builder lifetimesSeconds(long ike, long esp) {
            this.ikeLifetimeSeconds = ike;
            this.espLifetimeSeconds = esp;
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

        public Builder splitConnections(boolean split) {
            this.splitConnections = split;
            return this;
        }

        public Builder ikeVersion(IkeVersion version) {
            this.ikeVersion = requireNonNull(version, "version is null");
            return this;
        }

        public Site2SiteVpnCfgCommand build() {
            if (ipsecPsk == null) {
                throw new InvalidParameterException("ipsec_psk", "is missing");
            }
            return new Site2SiteVpnCfgCommand(accessDetails, create, localPublicIp, localPublicGateway, localGuestCidr,
                    peerGatewayIp, peerGuestCidrs, ipsecPsk, ikePolicy, espPolicy, ikeLifetimeSeconds, espLifetimeSeconds,
                    dpd, passive, encap, splitConnections, ikeVersion);
        }
    }
}
