package org.vrouter.api.element;

import java.util.Optional;

import org.vrouter.api.network.Network;

/**
 * A service provider that needs public addresses on its appliances before its rules work, and
 * names the {@link IpDeployer} that puts them there.
 */
public interface IpDeployingRequester {
    /** The deployer for {@code network}'s addresses; empty when none is needed. */
    Optional<IpDeployer> ipDeployer(Network network);
}
