package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.api.rule.LoadBalancingRule;

/** An element providing {@code Lb} on public addresses. Follows the {@link NetworkElement} contract. */
public interface LoadBalancingServiceProvider extends NetworkElement, IpDeployingRequester {
    /** Applies load-balancing rules (CloudStack's {@code applyLBRules}). */
    void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules);

    /**
     * Checks a rule against what this provider can do (reserved ports, protocols, stickiness
     * parameters) before it is stored.
     *
     * @throws org.vrouter.api.error.InvalidParameterException naming the offending field. Default:
     *     every rule is accepted
     */
    default void validateLoadBalancingRule(Network network, LoadBalancingRule rule) {
    }

    /**
     * Whether {@link #applyLoadBalancingRules} wants only the rules being added or revoked (true)
     * or every rule of the network (false). Default: false.
     */
    default boolean handlesOnlyRulesInTransitionState() {
        return false;
    }
}
