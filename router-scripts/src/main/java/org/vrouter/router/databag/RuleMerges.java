package org.vrouter.router.databag;

import java.util.ArrayList;
import java.util.HashMap;
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
        // each address's list copied once, with its forwards indexed by slot: a file of n forwards merges in O(n)
        Map<IpAddress, SlottedList> touched = new HashMap<>();
        for (ForwardingRule rule : rules) {
            PortForwardEntry forward = PortForwardEntry.of(rule);
            SlottedList list = touched.computeIfAbsent(forward.publicIp(), address -> new SlottedList(addresses.getOrDefault(address, List.of())));
            if (rule.revoke()) {
                list.remove(forward);
            }
            else {
                list.put(forward);
            }
        }
        touched.forEach((address, list) -> put(addresses, address, list.entries));
        return new ForwardingRulesBag(addresses);
    }

    /** One address's entries, with the position of the last forward of each slot (public ports, protocol). */
    private static final class SlottedList {
        private final List<ForwardingEntry> entries;
        private final Map<List<Object>, Integer> slots = new HashMap<>();

        SlottedList(List<ForwardingEntry> entries) {
            this.entries = new ArrayList<>(entries);
            index();
        }

        private static List<Object> slot(PortForwardEntry forward) {
            return List.of(forward.publicPorts(), forward.protocol());
        }

        private void index() {
            slots.clear();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof PortForwardEntry existing) {
                    slots.put(slot(existing), i);
                }
            }
        }

        /** Replaces the forward of the same slot, or appends it. */
        void put(PortForwardEntry forward) {
            Integer at = slots.get(slot(forward));
            if (at != null) {
                entries.set(at, forward);
            }
            else {
                slots.put(slot(forward), entries.size());
                entries.add(forward);
            }
        }

        /** Deletes the forward of the same slot, if any. */
        void remove(PortForwardEntry forward) {
            Integer at = slots.get(slot(forward));
            if (at != null) {
                entries.remove((int) at);
                index();
            }
        }
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
