package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.wire.payload.BgpPeersPayload;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.commands.wire.payload.FirewallRulesPayload;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.Ipv6FirewallRulesPayload;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;
import org.vrouter.commands.wire.payload.MonitorServicePayload;
import org.vrouter.commands.wire.payload.NetworkAclPayload;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.StaticRoutesPayload;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.commands.wire.payload.VpnUserListPayload;

/**
 * Reads bag files into typed bags. A file that is not a JSON object with the right {@code id} is an
 * empty bag; an entry that does not validate is left out; both are reported. Tombstones CloudStack kept
 * ({@code add: false}, {@code remove: true}, {@code revoke: true}, {@code create: false}) are dropped.
 */
final class DatabagReader {
    private final DatabagJson json;
    private final EntryEnvelope envelope;

    DatabagReader(DatabagJson json, EntryEnvelope envelope) {
        this.json = requireNonNull(json, "json is null");
        this.envelope = requireNonNull(envelope, "envelope is null");
    }

    Databag read(BagKey key, byte[] bytes, List<DatabagProblem> problems) {
        return parse(key, bytes, problems).map(root -> read(key, root, problems)).orElseGet(() -> Databags.emptyBag(key));
    }

    /** A bag file's JSON object; empty, and reported, when it is not one. */
    Optional<ObjectNode> parse(BagKey key, byte[] bytes, List<DatabagProblem> problems) {
        try {
            return Optional.of(json.parseObject(bytes));
        }
        catch (IOException | IllegalArgumentException e) {
            problems.add(DatabagProblem.wholeFile(key, "malformed JSON: " + firstLine(e.getMessage())));
            return Optional.empty();
        }
    }

    /** A bag from a bag file's JSON object. */
    Databag read(BagKey key, ObjectNode root, List<DatabagProblem> problems) {
        JsonNode id = root.get("id");
        // bgppeers files lose their id in CloudStack's merge, so a missing one is accepted
        if (id != null && !(id.isTextual() && id.textValue().equals(key.key()))) {
            problems.add(DatabagProblem.wholeFile(key, "id is " + id + ", expected \"" + key.key() + "\""));
            return Databags.emptyBag(key);
        }
        try {
            return readBag(key, root, new Problems(key, problems));
        }
        catch (InvalidParameterException | IllegalArgumentException e) {
            problems.add(DatabagProblem.wholeFile(key, firstLine(e.getMessage())));
            return Databags.emptyBag(key);
        }
    }

    private Databag readBag(BagKey key, ObjectNode root, Problems problems) {
        return switch (key) {
            case CMD_LINE -> CmdLineFormat.read(root);
            case IPS -> readIps(root, problems);
            case GUEST_NETWORK -> new GuestNetworkBag(keyed(root, problems, this::lastGuestNetwork, GuestNetworkPayload::device));
            case NETWORK_ACL -> new NetworkAclBag(keyed(root, problems, node -> envelope.payload(NetworkAclPayload.class, node),
                    NetworkAclPayload::device));
            case VM_DATA -> new VmDataBag(ipKeys(keyedWithKey(root, problems, this::vmData, payload -> payload.vmIpAddress().value()),
                    VmMetadataPayload::vmMetadata));
            case DHCP_ENTRY -> new DhcpEntryBag(ipKeys(present(keyed(root, problems, node -> envelope.payload(DhcpEntryPayload.class, node),
                    entry -> DhcpEntryBag.keyOf(entry).value()), entry -> !entry.remove()), Function.identity()));
            case VM_PASSWORD -> new VmPasswordBag(passwords(root, problems));
            case FORWARDING_RULES -> new ForwardingRulesBag(ipKeys(keyedWithKey(root, problems, this::forwardingList,
                    entries -> entries.get(0).publicIp().value()), Function.identity()));
            case FIREWALL_RULES -> new FirewallRulesBag(rules(root, problems, FirewallRulesPayload.class, FirewallRulesPayload::rules));
            case IPV6_FIREWALL_RULES -> new Ipv6FirewallRulesBag(rules(root, problems, Ipv6FirewallRulesPayload.class,
                    Ipv6FirewallRulesPayload::rules));
            case VPN_USER_LIST -> new VpnUserListBag(present(elements(root, problems, VpnUserListPayload.class, "vpn_users",
                    VpnUserListPayload::vpnUsers, user -> user.user()), user -> user.add()));
            case SITE_2_SITE_VPN -> new Site2SiteVpnBag(ipKeys(present(keyed(root, problems,
                    node -> envelope.payload(Site2SiteVpnPayload.class, node), peer -> peer.peerGatewayIp().value()),
                    Site2SiteVpnPayload::create), Function.identity()));
            case REMOTE_ACCESS_VPN -> new RemoteAccessVpnBag(ipKeys(present(keyed(root, problems,
                    node -> envelope.payload(RemoteAccessVpnPayload.class, node), server -> server.vpnServerIp().value()),
                    RemoteAccessVpnPayload::create), Function.identity()));
            case STATIC_ROUTES -> new StaticRoutesBag(present(elements(root, problems, StaticRoutesPayload.class, "routes",
                    StaticRoutesPayload::routes, route -> route.network().toString()), route -> !route.revoke()));
            case MONITOR_SERVICE -> monitorService(root);
            case LOAD_BALANCER -> loadBalancer(root);
            case BGP_PEERS -> new BgpPeersBag(elements(root, problems, BgpPeersPayload.class, "peers", BgpPeersPayload::peers,
                    BgpPeersBag::keyOf));
            case DNS_CONFIG -> DnsConfigFormat.read(root);
        };
    }

    private IpsBag readIps(ObjectNode root, Problems problems) {
        Map<String, List<IpEntry>> devices = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : DatabagJson.members(root)) {
            String device = member.getKey();
            List<IpEntry> entries = new ArrayList<>();
            problems.guard(device, () -> {
                BagMaps.requireDevice(device);
                for (int i = 0; i < requireArray(member.getValue()).size(); i++) {
                    int index = i;
                    problems.guard(device + "[" + i + "]", () -> IpsFormat.read(device, member.getValue().get(index)).ifPresent(entries::add));
                }
            });
            if (!entries.isEmpty()) {
                devices.put(device, entries);
            }
        }
        return new IpsBag(devices);
    }

    /** CloudStack may have appended duplicates to a device's list; the last is the newest. */
    private GuestNetworkPayload lastGuestNetwork(JsonNode list) {
        JsonNode array = requireArray(list);
        if (array.isEmpty()) {
            throw new InvalidParameterException("entry", "is an empty list");
        }
        return envelope.payload(GuestNetworkPayload.class, array.get(array.size() - 1));
    }

    private VmMetadataPayload vmData(String key, JsonNode entries) {
        ObjectNode payload = json.object();
        payload.put("vm_ip_address", key);
        payload.set("vm_metadata", entries);
        return envelope.payload(VmMetadataPayload.class, payload);
    }

    private List<ForwardingEntry> forwardingList(String key, JsonNode list) {
        List<ForwardingEntry> entries = new ArrayList<>();
        requireArray(list).forEach(node -> entries.add(ForwardingFormat.read(node)));
        entries.forEach(entry -> requireKey(key, entry.publicIp().value()));
        if (entries.isEmpty()) {
            throw new InvalidParameterException("entry", "is an empty list");
        }
        // CloudStack replaced a whole list with a static NAT, so more than one is not expected; keep the last
        List<ForwardingEntry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ForwardingEntry entry = entries.get(i);
            boolean laterNat = entry instanceof StaticNatEntry
                    && entries.subList(i + 1, entries.size()).stream().anyMatch(StaticNatEntry.class::isInstance);
            if (!laterNat) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private Map<IpAddress, Secret> passwords(ObjectNode root, Problems problems) {
        Map<IpAddress, Secret> passwords = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : DatabagJson.members(root)) {
            problems.guard(member.getKey(), () -> {
                IpAddress address = IpAddress.parse("ip_address", member.getKey());
                if (!member.getValue().isTextual()) {
                    throw new InvalidParameterException("password", "must be a string");
                }
                passwords.put(address, Secret.of(FieldChecks.requireSafeSecret("password", member.getValue().textValue())));
            });
        }
        return passwords;
    }

    private <P extends Payload> Map<Long, FirewallRule> rules(ObjectNode root, Problems problems, Class<P> payloadClass,
            Function<P, List<FirewallRule>> extract) {
        Map<String, FirewallRule> byKey = present(elements(root, problems, payloadClass, "rules", extract,
                rule -> Long.toString(rule.id())), rule -> !rule.revoked());
        Map<Long, FirewallRule> byId = new LinkedHashMap<>();
        byKey.values().forEach(rule -> byId.put(rule.id(), rule));
        return byId;
    }

    private MonitorServiceBag monitorService(ObjectNode root) {
        ObjectNode settings = root.deepCopy();
        settings.remove("id");
        return MonitorServiceBag.of(envelope.payload(MonitorServicePayload.class, settings));
    }

    private LoadBalancerBag loadBalancer(ObjectNode root) {
        JsonNode config = root.get("config");
        if (config == null) {
            return LoadBalancerBag.empty();
        }
        ObjectNode payload = json.object();
        payload.set("rules", requireArray(config));
        return new LoadBalancerBag(envelope.payload(LoadBalancerPayload.class, payload).rules());
    }

    /** Members parsed one by one; a member whose value does not parse, or parses to another key, is reported and left out. */
    private <V> Map<String, V> keyed(ObjectNode root, Problems problems, Function<JsonNode, V> parse, Function<V, String> keyOf) {
        return keyedWithKey(root, problems, (key, node) -> parse.apply(node), keyOf);
    }

    private <V> Map<String, V> keyedWithKey(ObjectNode root, Problems problems, BiFunction<String, JsonNode, V> parse,
            Function<V, String> keyOf) {
        Map<String, V> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : DatabagJson.members(root)) {
            problems.guard(member.getKey(), () -> {
                V value = parse.apply(member.getKey(), member.getValue());
                requireKey(member.getKey(), keyOf.apply(value));
                values.put(member.getKey(), value);
            });
        }
        return values;
    }

    /** Members that are elements of a payload list, parsed together through the wire codec. */
    private <P extends Payload, E> Map<String, E> elements(ObjectNode root, Problems problems, Class<P> payloadClass, String listField,
            Function<P, List<E>> extract, Function<E, String> keyOf) {
        List<Map.Entry<String, JsonNode>> members = DatabagJson.members(root);
        List<Optional<E>> parsed = envelope.elements(payloadClass, listField, members.stream().map(Map.Entry::getValue).toList(),
                extract, (index, reason) -> problems.add(members.get(index).getKey(), reason));
        Map<String, E> values = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String key = members.get(i).getKey();
            parsed.get(i).ifPresent(value -> problems.guard(key, () -> {
                requireKey(key, keyOf.apply(value));
                values.put(key, value);
            }));
        }
        return values;
    }

    private static void requireKey(String key, String expected) {
        if (!key.equals(expected)) {
            throw new InvalidParameterException("entry", "belongs under key '" + expected + "'", key);
        }
    }

    private static <V> Map<String, V> present(Map<String, V> values, Predicate<V> keep) {
        Map<String, V> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (keep.test(value)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static <V, T> Map<IpAddress, T> ipKeys(Map<String, V> values, Function<V, T> convert) {
        Map<IpAddress, T> byAddress = new LinkedHashMap<>();
        values.forEach((key, value) -> byAddress.put(IpAddress.parse(key), convert.apply(value)));
        return byAddress;
    }

    static JsonNode requireArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidParameterException("entry", "must be a JSON array");
        }
        return node;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Collects the problems of one bag file; {@link #guard} turns a failing entry into a problem. */
    private record Problems(BagKey bag, List<DatabagProblem> list) {
        void add(String entry, String reason) {
            list.add(DatabagProblem.entry(bag, entry, reason));
        }

        void guard(String entry, Runnable read) {
            try {
                read.run();
            }
            catch (InvalidParameterException | IllegalArgumentException e) {
                add(entry, firstLine(e.getMessage()));
            }
        }
    }
}
