package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;

/**
 * The {@code site2sitevpn} bag: the configured IPsec peers by peer gateway address ({@code create} is
 * always true; a removed peer is absent). Written root-only: it holds the PSKs.
 */
public record Site2SiteVpnBag(Map<IpAddress, Site2SiteVpnPayload> peers) implements Databag {
    public Site2SiteVpnBag {
        peers = BagMaps.sorted(peers, "peers");
        peers.forEach((address, peer) -> {
            if (!peer.peerGatewayIp().equals(address) || !peer.create()) {
                throw new IllegalArgumentException("site-to-site VPN under " + address + " is not a configured peer of that address");
            }
        });
    }

    public static Site2SiteVpnBag empty() {
        return new Site2SiteVpnBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.SITE_2_SITE_VPN;
    }

    @Override
    public boolean isEmpty() {
        return peers.isEmpty();
    }

    public Optional<Site2SiteVpnPayload> get(IpAddress peerGateway) {
        return Optional.ofNullable(peers.get(peerGateway));
    }
}
