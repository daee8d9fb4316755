package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * written by the wire codec, so a bag entry reads back exactly like the payload it came from.
 */
final class DatabagWriter {
    private final DatabagJson json;
    private final EntryEnvelope envelope;

    DatabagWriter(DatabagJson json, EntryEnvelope envelope) {
        this.json = requireNonNull(json, "json is null");
        this.envelope = requireNonNull(envelope, "envelope is null");
    }

    /** The bag file's bytes. */
    byte[] render(Databag bag) {
        ObjectNode root = json.object();
        root.put("id", bag.key().key());
        write(bag, root);
        return json.render(root);
    }

    private void write(Databag bag, ObjectNode root) {
        if (bag instanceof CmdLineBag cmdLine) {
            CmdLineFormat.write(cmdLine, root);
        }
        else if (bag instanceof IpsBag ips) {
            ips.devices().forEach((device, entries) -> {
                ArrayNode list = root.putArray(device);
                entries.forEach(entry -> IpsFormat.write(entry, list.addObject()));
            });
        }
        else if (bag instanceof GuestNetworkBag guest) {
            guest.devices().forEach((device, network) -> root.putArray(device).add(envelope.tree(network)));
        }
        else if (bag instanceof NetworkAclBag acl) {
            acl.devices().forEach((device, payload) -> root.set(device, envelope.tree(payload)));
        }
        else if (bag instanceof VmDataBag vmData) {
            vmData.vms().forEach((vm, entries) ->
                    root.set(vm.value(), envelope.tree(VmMetadataPayload.of(vm, entries)).get("vm_metadata")));
        }
        else if (bag instanceof DhcpEntryBag dhcp) {
            dhcp.entries().forEach((address, entry) -> root.set(address.value(), envelope.tree(entry)));
        }
        else if (bag instanceof VmPasswordBag passwords) {
            passwords.passwords().forEach((vm, password) -> root.put(vm.value(), password.reveal()));
        }
        else if (bag instanceof ForwardingRulesBag forwarding) {
            forwarding.addresses().forEach((address, entries) -> {
                ArrayNode list = root.putArray(address.value());
                entries.forEach(entry -> ForwardingFormat.write(entry, list.addObject()));
            });
        }
        else {
            writeRest(bag, root);
        }
    }

    private void writeRest(Databag bag, ObjectNode root) {
        if (bag instanceof FirewallRulesBag firewall) {
            rules(firewall.rules(), root);
        }
        else if (bag instanceof Ipv6FirewallRulesBag firewall) {
            rules(firewall.rules(), root);
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

    private void rules(Map<Long, FirewallRule> rules, ObjectNode root) {
        keyed(rules.keySet().stream().map(String::valueOf).toList(),
                FirewallRulesPayload.of(List.copyOf(rules.values())), "rules", root);
    }

    /** Writes the elements of a payload's list under the given keys, in order. */
    private void keyed(List<String> keys, Payload payload, String listField, ObjectNode root) {
        List<JsonNode> elements = envelope.elements(payload, listField);
        for (int i = 0; i < keys.size(); i++) {
            root.set(keys.get(i), elements.get(i));
        }
    }
}
