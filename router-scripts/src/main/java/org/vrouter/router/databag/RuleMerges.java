package org.vrouter.router.databag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.ForwardingRule;
import org.vrouter.commands.wire.payload.StaticNatRule;
import org.vrouter.commands.wire.payload.StaticRoute;

/** Merges of the rule bags: firewall (IPv4 and IPv6), port forwarding, static NAT and static routes. */
final class RuleMerges {
    private RuleMerges() {}

    /**
     * Firewall rules by id: a revoked rule is deleted; any other is stored, replacing a rule with the same
     * id (CloudStack keeps the old one, so an edited rule never takes effect).
     */
    static Map<Long, FirewallRule> firewall(Map<Long, FirewallRule> rules, List<FirewallRule> incoming) {
        Map<Long, FirewallRule> merged = BagMaps.mutableCopy(rules);
        for (FirewallRule rule : incoming) {
            if (rule.revoked()) {
                merged.remove(rule.id());
            }
            else {
                merged.put(rule.id(), rule);
            }
        }
        return merged;
    }

    /**
     * Port forwards: a forward replaces the one with the same public address, public ports and protocol, or
     * is appended; a revoked one deletes it. The address's static NAT, if any, is left alone.
     */
    static ForwardingRulesBag forwards(ForwardingRulesBag bag, List<ForwardingRule> rules) {
        Map<IpAddress, List<ForwardingEntry>> addresses = BagMaps.mutableCopy(bag.addresses());
        for (ForwardingRule rule : rules) {
            PortForwardEntry forward = PortForwardEntry.of(rule);
            List<ForwardingEntry> list = new ArrayList<>(addresses.getOrDefault(forward.publicIp(), List.of()));
            int slot = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof PortForwardEntry existing && existing.sameSlot(forward)) {
                    slot = i;
                }
            }
            if (rule.revoke()) {
                if (slot >= 0) {
                    list.remove(slot);
                }
            }
            else if (slot >= 0) {
                list.set(slot, forward);
            }
            else {
                list.add(forward);
            }
            put(addresses, forward.publicIp(), list);
        }
        return new ForwardingRulesBag(addresses);
    }

    /**
     * Static NAT: sets or (revoked) removes the address's static NAT, leaving its port forwards alone
     * (CloudStack replaces or deletes the address's whole list).
     */
    static ForwardingRulesBag staticNats(ForwardingRulesBag bag, List<StaticNatRule> rules) {
        Map<IpAddress, List<ForwardingEntry>> addresses = BagMaps.mutableCopy(bag.addresses());
        for (StaticNatRule rule : rules) {
            StaticNatEntry nat = StaticNatEntry.of(rule);
            List<ForwardingEntry> list = new ArrayList<>(addresses.getOrDefault(nat.publicIp(), List.of()));
            int slot = -1;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof StaticNatEntry) {
                    slot = i;
                }
            }
            if (rule.revoke()) {
                if (slot >= 0) {
                    list.remove(slot);
                }
            }
            else if (slot >= 0) {
                list.set(slot, nat);
            }
            else {
                list.add(nat);
            }
            put(addresses, nat.publicIp(), list);
        }
        return new ForwardingRulesBag(addresses);
    }

    private static void put(Map<IpAddress, List<ForwardingEntry>> addresses, IpAddress address, List<ForwardingEntry> list) {
        if (list.isEmpty()) {
            addresses.remove(address);
        }
        else {
            addresses.put(address, list);
        }
    }

    /** Static routes by network: a revoked route is deleted, any other stored. */
    static StaticRoutesBag staticRoutes(StaticRoutesBag bag, List<StaticRoute> routes) {
        Map<String, StaticRoute> merged = BagMaps.mutableCopy(bag.routes());
        for (StaticRoute route : routes) {
            if (route.revoke()) {
                merged.remove(route.network().toString());
            }
            else {
                merged.put(route.network().toString(), route);
            }
        }
        return new StaticRoutesBag(merged);
    }
}
