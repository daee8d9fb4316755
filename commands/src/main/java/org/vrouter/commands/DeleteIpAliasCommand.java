package org.vrouter.commands;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.to.IpAliasTO;

/**
 * Removes IP aliases from a router's guest device and restates the ones that stay: CloudStack's
 * {@code DeleteIpAliasCommand} ({@code Commands} id {@code deleteIpalias}). On the wire one
 * {@code ip_aliases.json} with the removed aliases ({@code revoke: true}) first, then the remaining
 * ones ({@code revoke: false}). Access details as {@link CreateIpAliasCommand}.
 *
 * @param deleteAliases the aliases to remove, never empty
 * @param createAliases the aliases that stay, possibly empty
 */
public record DeleteIpAliasCommand(AccessDetails accessDetails, List<IpAliasTO> deleteAliases, List<IpAliasTO> createAliases)
        implements NetworkElementCommand {

    public DeleteIpAliasCommand {
        CommandChecks.requireRouter(accessDetails);
        deleteAliases = CommandChecks.nonEmpty(deleteAliases, "delete_aliases");
        createAliases = CommandChecks.list(createAliases, "create_aliases");
        CreateIpAliasCommand.requireDistinctCounts(deleteAliases, "delete_aliases");
        CreateIpAliasCommand.requireDistinctCounts(createAliases, "create_aliases");
        for (IpAliasTO kept : createAliases) {
            if (deleteAliases.stream().anyMatch(removed -> removed.ipAddress().equals(kept.ipAddress()))) {
                throw new InvalidParameterException("create_aliases", "an alias is both removed and kept", kept.ipAddress());
            }
        }
    }
}
