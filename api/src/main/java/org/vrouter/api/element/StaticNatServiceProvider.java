package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.api.rule.StaticNat;

/** An element providing {@code StaticNat}: one-to-one NAT between public and VM addresses. Follows the {@link NetworkElement} contract. */
public interface StaticNatServiceProvider extends NetworkElement, IpDeployingRequester {
    /** Adds the mappings not revoked and removes the revoked ones. */
    void applyStaticNats(Network network, List<StaticNat> staticNats);
}
