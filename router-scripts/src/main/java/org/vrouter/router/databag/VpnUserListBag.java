package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.VpnUser;

/**
 * The {@code vpnuserlist} bag: remote-access VPN users by name, each with its current password
 * ({@code add} is always true; a removed user is absent). Written root-only.
 */
public record VpnUserListBag(Map<String, VpnUser> users) implements Databag {
    public VpnUserListBag {
        users = BagMaps.sorted(users, "users");
        users.forEach((name, user) -> {
            if (!user.user().equals(name) || !user.add()) {
                throw new IllegalArgumentException("VPN user under " + name + " is not the present user of that name");
            }
        });
    }

    public static VpnUserListBag empty() {
        return new VpnUserListBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.VPN_USER_LIST;
    }

    @Override
    public boolean isEmpty() {
        return users.isEmpty();
    }

    public Optional<VpnUser> get(String name) {
        return Optional.ofNullable(users.get(name));
    }
}
