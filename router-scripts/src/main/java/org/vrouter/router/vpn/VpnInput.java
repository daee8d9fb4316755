package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vrouter.api.secret.Secret;

/**
 * Everything the VPN service renders: the site-to-site peers (sorted by peer address), the remote-access
 * server if one is enabled, and its users with their passwords (sorted by name). Built by
 * {@link VpnInputs}; rendered by {@link SwanctlRenderer} and {@link L2tpRenderer}.
 */
public record VpnInput(List<SiteToSitePeer> peers, Optional<RemoteAccessServer> remoteAccess, Map<String, Secret> users) {
    public VpnInput {
        peers = List.copyOf(requireNonNull(peers, "peers is null"));
        requireNonNull(remoteAccess, "remoteAccess is null");
        users = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(users, "users is null")));
    }

    /** Whether nothing VPN-related is configured. */
    public boolean isEmpty() {
        return peers.isEmpty() && remoteAccess.isEmpty();
    }
}
