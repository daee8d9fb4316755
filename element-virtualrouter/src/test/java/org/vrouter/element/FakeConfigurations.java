package org.vrouter.element;

import java.util.HashMap;
import java.util.Map;

import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.NetworkConfigurationSource;

/** The host controller's configurations, held in a map; counts loads so tests see when the element reads one. */
final class FakeConfigurations implements NetworkConfigurationSource {
    private final Map<Long, NetworkConfiguration> configurations = new HashMap<>();
    private final Map<Long, Vpc> vpcs = new HashMap<>();
    int loads;

    FakeConfigurations with(NetworkConfiguration configuration) {
        configurations.put(configuration.network().id(), configuration);
        return this;
    }

    FakeConfigurations with(Network network) {
        return with(NetworkConfiguration.empty(network));
    }

    FakeConfigurations with(Vpc vpc) {
        vpcs.put(vpc.id(), vpc);
        return this;
    }

    @Override
    public Vpc vpc(long vpcId) {
        Vpc vpc = vpcs.get(vpcId);
        if (vpc == null) {
            throw new ResourceUnavailableException("VPC " + vpcId + " is unknown");
        }
        return vpc;
    }

    @Override
    public NetworkConfiguration load(long networkId) {
        loads++;
        NetworkConfiguration configuration = configurations.get(networkId);
        if (configuration == null) {
            throw new ResourceUnavailableException("network " + networkId + " is unknown");
        }
        return configuration;
    }
}
