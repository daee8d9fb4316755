package org.vrouter.commands.wire.haproxy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LoadBalancerTO;

/**
 * The firewall openings of {@code load_balancer.json}. CloudStack collects them in hash sets (any
 * order); here they keep the rules' order, without duplicates. For stats visibility
 * {@code disabled} and {@code default} CloudStack sends one empty string, which makes the router's
 * {@code CsLoadBalancer} fail on {@code split(':')[1]}; here the list is empty instead.
 */
final class FirewallRules {
    private FirewallRules() {}

    static List<String> addRules(LoadBalancerConfigCommand command) {
        Set<String> add = new LinkedHashSet<>();
        for (LoadBalancerTO lb : command.loadBalancers()) {
            if (!lb.revoked()) {
                add.add(entry(lb));
            }
        }
        return List.copyOf(add);
    }

    static List<String> removeRules(LoadBalancerConfigCommand command) {
        Set<String> add = new LinkedHashSet<>(addRules(command));
        Set<String> remove = new LinkedHashSet<>();
        for (LoadBalancerTO lb : command.loadBalancers()) {
            if (lb.revoked() && !add.contains(entry(lb))) {
                remove.add(entry(lb));
            }
        }
        return List.copyOf(remove);
    }

    static List<String> statRules(LoadBalancerConfigCommand command) {
        LbStatsSettings stats = command.stats();
        List<String> rules = new ArrayList<>(1);
        switch (stats.visibility()) {
            case GUEST_NETWORK -> rules.add(statEntry(command.guestIp().value(), stats));
            case LINK_LOCAL -> rules.add(statEntry(command.controlIp().value(), stats));
            case GLOBAL -> rules.add(statEntry(command.publicIp().map(IpAddress::value).orElseThrow(), stats));
            case ALL -> rules.add(statEntry("0.0.0.0/0", stats));
            case DISABLED, DEFAULT -> {
                // no dedicated listener, nothing to open
            }
        }
        return List.copyOf(rules);
    }

    private static String entry(LoadBalancerTO lb) {
        return lb.sourceIp().value() + ":" + lb.sourcePort() + ":";
    }

    private static String statEntry(String address, LbStatsSettings stats) {
        return address + ":" + stats.port() + ":" + stats.sourceCidrs() + ":,";
    }
}
