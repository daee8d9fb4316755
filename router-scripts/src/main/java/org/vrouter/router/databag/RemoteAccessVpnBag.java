package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;

/**
 * The {@code remoteaccessvpn} bag: the enabled L2TP/IPsec servers by public address (only enabled ones:
 * {@code create} is always true; a disabled server is absent). Written root-only: it holds the PSK.
 */
public record RemoteAccessVpnBag(Map<IpAddress, RemoteAccessVpnPayload> servers) implements Databag {
    public RemoteAccessVpnBag {
        servers = BagMaps.sorted(servers, "servers");
        servers.forEach((address, server) -> {
            if (!server.vpnServerIp().equals(address) || !server.create()) {
                throw new IllegalArgumentException("remote access VPN under " + address + " is not an enabled server of that address");
            }
        });
    }

    public static RemoteAccessVpnBag empty() {
        return new RemoteAccessVpnBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.REMOTE_ACCESS_VPN;
    }

    @Override
    public boolean isEmpty() {
        return servers.isEmpty();
    }

    public Optional<RemoteAccessVpnPayload> get(IpAddress publicIp) {
        return Optional.ofNullable(servers.get(publicIp));
    }
}
