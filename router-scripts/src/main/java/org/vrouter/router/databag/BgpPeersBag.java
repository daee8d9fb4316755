package org.vrouter.router.databag;

import java.util.Map;

import org.vrouter.commands.wire.payload.BgpPeer;

/**
 * The {@code bgppeers} bag: the BGP peers of a routed network, keyed {@code "<peer_id>-<network_id>"};
 * each delivery replaces the bag. Written root-only: peers carry passwords.
 */
public record BgpPeersBag(Map<String, BgpPeer> peers) implements Databag {
    public BgpPeersBag {
        peers = BagMaps.sorted(peers, "peers");
        peers.forEach((key, peer) -> {
            if (!keyOf(peer).equals(key)) {
                throw new IllegalArgumentException("BGP peer " + keyOf(peer) + " listed under " + key);
            }
        });
    }

    public static BgpPeersBag empty() {
        return new BgpPeersBag(Map.of());
    }

    /** {@code "<peer_id>-<network_id>"}. */
    public static String keyOf(BgpPeer peer) {
        return peer.peerId() + "-" + peer.networkId();
    }

    @Override
    public BagKey key() {
        return BagKey.BGP_PEERS;
    }

    @Override
    public boolean isEmpty() {
        return peers.isEmpty();
    }
}
