package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.VirtualRouterGuru;
import org.vrouter.core.setup.CommandSetupHelper;

/** The collaborators {@link RouterManagerImpl} was built with, handed on to its parts as one value. */
record ManagerParts(RouterDao dao, AgentManager agents, VirtualRouterGuru guru, CommandSetupHelper helper, NetworkConfigurationSource source,
        RouterPlacement placement, Clock clock, RouterManagerSettings settings) {

    ManagerParts {
        requireNonNull(dao, "dao is null");
        requireNonNull(agents, "agents is null");
        requireNonNull(guru, "guru is null");
        requireNonNull(helper, "helper is null");
        requireNonNull(source, "source is null");
        requireNonNull(placement, "placement is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(settings, "settings is null");
    }
}
