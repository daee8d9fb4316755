package org.vrouter.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.to.IpAliasTO;

/**
 * Adds IP aliases to a router's guest device, one per extra subnet of a shared network: CloudStack's
 * {@code CreateIpAliasCommand} ({@code Commands} id {@code ipalias}). On the wire one
 * {@code ip_aliases.json} (type {@code ipaliases}) with every alias {@code revoke: false}.
 * Access details: {@code router.ip}, {@code router.name}, {@code router.guest.ip},
 * {@code zone.network.type}. Alias numbers are unique within the command.
 *
 * @param aliases never empty
 */
public record CreateIpAliasCommand(AccessDetails accessDetails, List<IpAliasTO> aliases) implements NetworkElementCommand {
    public CreateIpAliasCommand {
        CommandChecks.requireRouter(accessDetails);
        aliases = CommandChecks.nonEmpty(aliases, "aliases");
        requireDistinctCounts(aliases, "aliases");
    }

    static void requireDistinctCounts(List<IpAliasTO> aliases, String field) {
        Set<Long> counts = new HashSet<>();
        CommandChecks.each(aliases, field, alias -> {
            if (!counts.add(alias.aliasCount())) {
                throw new InvalidParameterException("count", "two aliases with one number", alias.aliasCount());
            }
        });
    }
}
