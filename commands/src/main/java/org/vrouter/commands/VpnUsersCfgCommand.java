package org.vrouter.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.to.VpnUserTO;

/**
 * Adds and removes remote-access VPN users: CloudStack's {@code VpnUsersCfgCommand},
 * {@code Commands} id {@code users}. On the wire one {@code vpn_user_list.json} (type
 * {@code vpnuserlist}) with one {@code vpn_users} element per user.
 *
 * <p>Removals come first, as CloudStack lists them (a password change is a removal followed by an
 * addition): the constructor moves every {@code add = false} user ahead of the additions, keeping
 * the order within each group. A user appears at most once per group. Passwords never appear in
 * {@link #toString()}. Access details include {@code account.id}. Runs in sequence.
 *
 * @param users never empty; removals first
 */
public record VpnUsersCfgCommand(AccessDetails accessDetails, List<VpnUserTO> users) implements NetworkElementCommand {
    public VpnUsersCfgCommand {
        CommandChecks.requireRouter(accessDetails);
        List<VpnUserTO> given = CommandChecks.nonEmpty(users, "vpn_users");
        users = Stream.concat(given.stream().filter(user -> !user.add()), given.stream().filter(VpnUserTO::add)).toList();
        Set<String> seen = new HashSet<>();
        CommandChecks.each(users, "vpn_users", user -> {
            if (!seen.add(user.add() + "/" + user.username())) {
                throw new InvalidParameterException("user", user.add() ? "added twice" : "removed twice", user.username());
            }
        });
    }

    /** Removes {@code removals}, then adds {@code additions}. */
    public static VpnUsersCfgCommand of(AccessDetails accessDetails, List<VpnUserTO> additions, List<VpnUserTO> removals) {
        return new VpnUsersCfgCommand(accessDetails, Stream.concat(removals.stream(), additions.stream()).toList());
    }

    /** True, as CloudStack's command. */
    @Override
    public boolean executeInSequence() {
        return true;
    }
}
