package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.api.rule.FirewallRule;

/** An element providing {@code Firewall} for isolated networks. Follows the {@link NetworkElement} contract. */
public interface FirewallServiceProvider extends NetworkElement {
    /**
     * Applies ingress and egress firewall rules under the network offering's default egress
     * policy (CloudStack's {@code applyFWRules}).
     */
    void applyFirewallRules(Network network, List<FirewallRule> rules);
}
