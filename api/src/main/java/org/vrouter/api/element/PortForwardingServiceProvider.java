package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.api.rule.PortForwardingRule;

/** An element providing {@code PortForwarding}. Follows the {@link NetworkElement} contract. */
public interface PortForwardingServiceProvider extends NetworkElement, IpDeployingRequester {
    /** Adds rules in state Add or Active and removes rules in state Revoke (CloudStack's {@code applyPFRules}). */
    void applyPortForwardingRules(Network network, List<PortForwardingRule> rules);
}
