package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vrouter.router.host.Host;

/**
 * What {@link VpnService} does to the SAs and PPP links once its files are written and loaded: removed and
 * changed peers' SAs taken down, non-passive new and changed peers initiated on a router that serves the VPN
 * ({@link VpnRole#ACTIVE}), every SA taken down and nothing initiated on a standby one, and the PPP links of
 * dropped users ended. Only connection and user names reach argv, logs and the action lines.
 */
final class VpnSessions {
    private final Host host;
    private final StrongSwanControl strongswan;
    private final PppSessions links;

    VpnSessions(Host host, StrongSwanControl strongswan, PppSessions links) {
        this.host = requireNonNull(host, "host is null");
        this.strongswan = requireNonNull(strongswan, "strongswan is null");
        this.links = requireNonNull(links, "links is null");
    }

    /**
     * Takes down removed and changed peers' SAs and starts new and changed non-passive ones; on a standby
     * router, takes down the SAs of changed peers, and of every peer when {@code all}, and starts none.
     */
    void peers(VpnInput input, List<String> written, List<String> stale, VpnRole role, boolean all, List<String> actions)
            throws IOException {
        for (String path : stale) {
            Optional<String> connection = removedConnection(path);
            if (connection.isPresent()) {
                strongswan.terminate(connection.get());
                actions.add("took down " + connection.get());
            }
        }
        List<String> standing = new ArrayList<>();
        for (SiteToSitePeer peer : input.peers()) {
            boolean changed = written.contains(SwanctlRenderer.peerConf(peer)) || written.contains(SwanctlRenderer.peerSecrets(peer));
            if (role == VpnRole.STANDBY) {
                if (changed || all) {
                    strongswan.terminate(peer.connectionName());
                    standing.add(peer.connectionName());
                }
                continue;
            }
            if (changed && !all) {
                // a new key or definition applies to new SAs only: renegotiate
                strongswan.terminate(peer.connectionName());
            }
            if ((changed || all) && !peer.passive()) {
                for (String child : SwanctlRenderer.children(peer)) {
                    strongswan.initiate(peer.connectionName(), child);
                }
                actions.add("initiating " + peer.connectionName());
            }
        }
        if (!standing.isEmpty()) {
            actions.add("standby (redundant, not PRIMARY): took down " + String.join(", ", standing) + ", not initiated");
        }
    }

    /** A standby router serves no remote-access client: their IKE SAs are terminated and their PPP links ended. */
    void standbyRemoteAccess(VpnInput input, List<String> actions) throws IOException {
        if (input.remoteAccess().isEmpty()) {
            return;
        }
        strongswan.terminate(RemoteAccessServer.CONNECTION);
        List<String> disconnected = links.disconnect(usersOfLinks());
        actions.add("standby (redundant, not PRIMARY): took down " + RemoteAccessServer.CONNECTION
                + (disconnected.isEmpty() ? "" : ", disconnected " + String.join(", ", disconnected)));
    }

    /** Users removed or given a new password lose their PPP links; everybody else keeps theirs. */
    void disconnectDropped(VpnInput input, Map<String, String> usersBefore, List<String> actions) throws IOException {
        Set<String> dropped = new TreeSet<>();
        usersBefore.forEach((user, password) -> {
            if (!input.users().containsKey(user) || !input.users().get(user).reveal().equals(password)) {
                dropped.add(user);
            }
        });
        List<String> disconnected = links.disconnect(dropped);
        if (!disconnected.isEmpty()) {
            actions.add("disconnected " + String.join(", ", disconnected));
        }
    }

    /** Every user that has a link record: all of them go when the server does. */
    private Set<String> usersOfLinks() throws IOException {
        Set<String> users = new TreeSet<>();
        for (String link : host.list(PppSessions.DIRECTORY)) {
            host.readText(PppSessions.DIRECTORY + "/" + link).map(text -> text.split(" ", 2)[0]).ifPresent(users::add);
        }
        return users;
    }

    private static Optional<String> removedConnection(String path) {
        String prefix = SwanctlRenderer.CONF_DIR + "/" + SwanctlRenderer.OWNED_PREFIX + "vpn-";
        if (path.startsWith(prefix) && path.endsWith(".conf") && !path.endsWith("-secrets.conf")) {
            return Optional.of(path.substring(prefix.length() - "vpn-".length(), path.length() - ".conf".length()));
        }
        return Optional.empty();
    }

    /** Ends every PPP link: the server is going. */
    List<String> disconnectAll() throws IOException {
        return links.disconnect(usersOfLinks());
    }
}
