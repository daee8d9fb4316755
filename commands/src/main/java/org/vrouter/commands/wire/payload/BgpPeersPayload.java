package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code bgp_peers.json} ({@code bgppeers}, CloudStack 4.20+): the BGP peers of a routed network or VPC,
 * from {@code SetBgpPeersCommand}. The router replaces its whole {@code bgppeers} databag.
 */
public record BgpPeersPayload(
        @JsonProperty("peers") List<BgpPeer> peers,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public BgpPeersPayload {
        peers = WireChecks.list("peers", peers);
    }

    public static BgpPeersPayload of(List<BgpPeer> peers) {
        return new BgpPeersPayload(peers, false);
    }
}
