package org.vrouter.router.databag;

import java.util.List;

import org.vrouter.commands.wire.payload.LoadBalancerRule;

/**
 * The {@code loadbalancer} bag: the last {@code load_balancer.json} rules (normally one, carrying the
 * whole {@code haproxy.cfg} rendered by the management side), stored under {@code config}. Each delivery
 * replaces the bag.
 */
public record LoadBalancerBag(List<LoadBalancerRule> rules) implements Databag {
    public LoadBalancerBag {
        rules = List.copyOf(rules);
    }

    public static LoadBalancerBag empty() {
        return new LoadBalancerBag(List.of());
    }

    @Override
    public BagKey key() {
        return BagKey.LOAD_BALANCER;
    }

    @Override
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
