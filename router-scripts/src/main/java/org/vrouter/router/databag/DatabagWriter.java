package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.vrouter.commands.wire.payload.BgpPeer;
import org.vrouter.commands.wire.payload.BgpPeersPayload;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.FirewallRulesPayload;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.StaticRoute;
import org.vrouter.commands.wire.payload.StaticRoutesPayload;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.commands.wire.payload.VpnUser;
import org.vrouter.commands.wire.payload.VpnUserListPayload;

/**
 * Writes typed bags in CloudStack's on-disk shape: {@code {"id": "<key>", <entries>}}, every wire value
 * written by the wire codec, so a bag entry reads back exactly like the payload it came from. The bags
 * that grow with the router (addresses, DHCP entries, metadata, passwords, rules, per-device settings)
 * are written entry by entry, so that a caching {@link BagText} renders only the entries a merge changed.
 */
final class DatabagWriter {
    private final DatabagJson json;
    private final EntryEnvelope envelope;
    private final BagText text;

    DatabagWriter(DatabagJson json, EntryEnvelope envelope, BagText text) {
        this.json = requireNonNull(json, "json is null");
        this.envelope = requireNonNull(envelope, "envelope is null");
        this.text = requireNonNull(text, "text is null");
    }

    /** The bag file's bytes. */
    byte[] render(Databag bag) {
        List<BagText.Member> members = new ArrayList<>();
        members.add(new BagText.Member("id", new BagText.Tree(TextNode.valueOf(bag.key().key()))));
        if (!entries(bag, members)) {
            ObjectNode root = json.object();
            writeRest(bag, root);
            root.properties().forEach(member -> members.add(new BagText.Member(member.getKey(), new BagText.Tree(member.getValue()))));
        }
        return text.render(bag.key(), members);
    }

    /**
     * The members of a bag written entry by entry, without its {@code id}, in the bag's order (not sorted,
     * nothing rendered); empty for the other bags.
     */
    Optional<List<BagText.Member>> entryMembers(Databag bag) {
        List<BagText.Member> members = new ArrayList<>();
        return entries(bag, members) ? Optional.of(members) : Optional.empty();
    }

    /** Whether a bag is written entry by entry (and so may have a journal). */
    boolean byEntry(BagKey key) {
        return entryMembers(Databags.emptyBag(key)).isPresent();
    }

    /** Adds the members of a bag written entry by entry; false for the other bags. */
    private boolean entries(Databag bag, List<BagText.Member> members) {
        if (bag instanceof IpsBag ips) {
            ips.devices().forEach((device, entries) ->
                    members.add(new BagText.Member(device, new BagText.Entries<>(entries, entry -> IpsFormat.write(entry, json.object())))));
        }
        else if (bag instanceof GuestNetworkBag guest) {
            guest.devices().forEach((device, network) ->
                    members.add(new BagText.Member(device, new BagText.Entries<>(List.of(network), envelope::tree))));
        }
        else if (bag instanceof NetworkAclBag acl) {
            acl.devices().forEach((device, payload) -> members.add(entry(device, payload, () -> envelope.tree(payload))));
        }
        else if (bag instanceof VmDataBag vmData) {
            vmData.vms().forEach((vm, entries) -> members.add(entry(vm.value(), entries,
                    () -> envelope.tree(VmMetadataPayload.of(vm, entries)).get("vm_metadata"))));
        }
        else if (bag instanceof DhcpEntryBag dhcp) {
            dhcp.entries().forEach((address, entry) -> members.add(entry(address.value(), entry, () -> envelope.tree(entry))));
        }
        else if (bag instanceof VmPasswordBag passwords) {
            passwords.passwords().forEach((vm, password) -> members.add(entry(vm.value(), password, () -> TextNode.valueOf(password.reveal()))));
        }
        else if (bag instanceof ForwardingRulesBag forwarding) {
            forwarding.addresses().forEach((address, entries) -> members.add(new BagText.Member(address.value(),
                    new BagText.Entries<>(entries, entry -> ForwardingFormat.write(entry, json.object())))));
        }
        else if (bag instanceof FirewallRulesBag firewall) {
            rules(firewall.rules(), members);
        }
        else if (bag instanceof Ipv6FirewallRulesBag firewall) {
            rules(firewall.rules(), members);
        }
        else {
            return false;
        }
        return true;
    }

    private static BagText.Member entry(String name, Object source, Supplier<JsonNode> tree) {
        return new BagText.Member(name, new BagText.Entry(source, tree));
    }

    private void rules(Map<Long, FirewallRule> rules, List<BagText.Member> members) {
        rules.forEach((id, rule) -> members.add(entry(String.valueOf(id), rule,
                () -> envelope.elements(FirewallRulesPayload.of(List.of(rule)), "rules").get(0))));
    }

    private void writeRest(Databag bag, ObjectNode root) {
        if (bag instanceof CmdLineBag cmdLine) {
            CmdLineFormat.write(cmdLine, root);
        }
        else if (bag instanceof VpnUserListBag users) {
            keyed(new ArrayList<>(users.users().keySet()), VpnUserListPayload.of(List.<VpnUser>copyOf(users.users().values())), "vpn_users", root);
        }
        else if (bag instanceof Site2SiteVpnBag s2s) {
            s2s.peers().forEach((peer, payload) -> root.set(peer.value(), envelope.tree(payload)));
        }
        else if (bag instanceof RemoteAccessVpnBag vpn) {
            vpn.servers().forEach((server, payload) -> root.set(server.value(), envelope.tree(payload)));
        }
        else if (bag instanceof StaticRoutesBag routes) {
            keyed(new ArrayList<>(routes.routes().keySet()),
                    StaticRoutesPayload.of(List.<StaticRoute>copyOf(routes.routes().values())), "routes", root);
        }
        else if (bag instanceof MonitorServiceBag monitor) {
            ObjectNode settings = EntryEnvelope.withoutEnvelope(envelope.tree(monitor.settings()));
            JsonNode advanced = settings.remove("health_checks_advance_run_interval");
            if (advanced != null) {
                // the name CloudStack's router reads
                settings.set("health_checks_advanced_run_interval", advanced);
            }
            root.setAll(settings);
        }
        else if (bag instanceof LoadBalancerBag lb) {
            if (!lb.isEmpty()) {
                root.set("config", envelope.tree(new LoadBalancerPayload(lb.rules(), false)).get("rules"));
            }
        }
        else if (bag instanceof BgpPeersBag bgp) {
            keyed(new ArrayList<>(bgp.peers().keySet()), BgpPeersPayload.of(List.<BgpPeer>copyOf(bgp.peers().values())),
                    "peers", root);
        }
        else if (bag instanceof DnsConfigBag dns) {
            DnsConfigFormat.write(dns, root);
        }
    }

    /** Writes the elements of a payload's list under the given keys, in order. */
    private void keyed(List<String> keys, Payload payload, String listField, ObjectNode root) {
        List<JsonNode> elements = envelope.elements(payload, listField);
        for (int i = 0; i < keys.size(); i++) {
            root.set(keys.get(i), elements.get(i));
        }
    }
}
