package org.vrouter.api.element;

import java.util.List;
import java.util.Set;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;

/**
 * Puts public addresses on the appliances of a network (IP association). Addresses in state
 * Releasing are removed, all others added. Complete or throw, as {@link NetworkElement}.
 */
public interface IpDeployer {
    /** The provider whose appliances get the addresses. */
    Provider provider();

    /**
     * Adds and removes {@code ips} on the network's appliances.
     *
     * @param services the services the addresses are used for (source NAT, static NAT, LB...)
     */
    void applyIps(Network network, List<PublicIpAddress> ips, Set<Service> services);
}
