package org.vrouter.router.address;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * Reads the answer of {@link AddressApplier#READ_INPUT}: four JSON arrays from {@code ip -N -json -batch -}
 * (addresses, IPv4 routes, IPv6 routes, IPv4 rules), numbers instead of names throughout.
 */
final class KernelStateParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The keys of a rule of the shape {@link PolicyRule} describes; a rule with any other is not read. */
    private static final Set<String> RULE_KEYS = Set.of("priority", "src", "srclen", "fwmark", "fwmask", "table", "protocol");
    private static final int ANSWERS = 4;

    private KernelStateParser() {}

    /**
     * The kernel state in {@code output}; a blank output (a dry run) is a kernel with nothing configured.
     *
     * @throws IOException if the output is not what {@code ip} writes
     */
    static KernelState parse(String output) throws IOException {
        if (output.isBlank()) {
            return KernelState.empty();
        }
        List<JsonNode> answers = new ArrayList<>();
        // one parser over the whole output: ObjectReader.readValues would iterate the first array's elements
        try (JsonParser parser = MAPPER.createParser(output)) {
            while (parser.nextToken() != null) {
                answers.add(MAPPER.readTree(parser));
            }
        }
        if (answers.size() != ANSWERS || !answers.stream().allMatch(JsonNode::isArray)) {
            throw new IOException("unexpected output of ip -json -batch: expected " + ANSWERS + " JSON arrays, got " + answers.size()
                    + " values");
        }
        try {
            List<KernelRoute> routes = new ArrayList<>(routes(answers.get(1), true));
            routes.addAll(routes(answers.get(2), false));
            return new KernelState(links(answers.get(0)), routes, rules(answers.get(3)));
        }
        catch (InvalidParameterException | NumberFormatException e) {
            throw new IOException("unexpected value in the output of ip -json: " + e.getMessage(), e);
        }
    }

    private static List<KernelLink> links(JsonNode array) {
        List<KernelLink> links = new ArrayList<>();
        for (JsonNode link : array) {
            List<KernelAddress> addresses = new ArrayList<>();
            for (JsonNode address : link.path("addr_info")) {
                String family = address.path("family").asText();
                if (address.has("local") && (family.equals("inet") || family.equals("inet6"))) {
                    Cidr cidr = new Cidr(IpAddress.parse("local", address.get("local").asText()), address.path("prefixlen").asInt());
                    addresses.add(new KernelAddress(cidr, address.path("secondary").asBoolean(), address.path("dynamic").asBoolean()));
                }
            }
            boolean up = false;
            for (JsonNode flag : link.path("flags")) {
                up |= flag.asText().equals("UP");
            }
            links.add(new KernelLink(link.path("ifname").asText(), link.path("mtu").asInt(), up, addresses));
        }
        return links;
    }

    private static List<KernelRoute> routes(JsonNode array, boolean ipv4) {
        List<KernelRoute> routes = new ArrayList<>();
        for (JsonNode route : array) {
            long table = route.has("table") ? Long.parseLong(route.get("table").asText()) : Route.MAIN_TABLE;
            Optional<RouteType> type = RouteType.ofNumber(route.has("type") ? Integer.parseInt(route.get("type").asText()) : 1);
            if (table == Route.LOCAL_TABLE || table > Integer.MAX_VALUE || type.isEmpty()) {
                continue;
            }
            Optional<IpAddress> gateway = route.has("gateway")
                    ? Optional.of(IpAddress.parse("gateway", route.get("gateway").asText())) : Optional.empty();
            Optional<String> device = route.has("dev") ? Optional.of(route.get("dev").asText()) : Optional.empty();
            routes.add(new KernelRoute(destination(route.path("dst").asText(), ipv4), type.get(), gateway, device, (int) table,
                    route.path("metric").asLong(0), route.has("protocol") ? Integer.parseInt(route.get("protocol").asText()) : 0));
        }
        return routes;
    }

    private static Cidr destination(String text, boolean ipv4) {
        if (text.equals("default")) {
            return Cidr.parse("dst", ipv4 ? "0.0.0.0/0" : "::/0");
        }
        if (text.indexOf('/') >= 0) {
            return Cidr.parse("dst", text);
        }
        return new Cidr(IpAddress.parse("dst", text), ipv4 ? 32 : 128);
    }

    private static List<KernelRule> rules(JsonNode array) {
        List<KernelRule> rules = new ArrayList<>();
        for (JsonNode rule : array) {
            if (!hasOnlyRuleKeys(rule) || !rule.has("table")) {
                continue;
            }
            long priority = rule.path("priority").asLong(-1);
            long table = Long.parseLong(rule.get("table").asText());
            Optional<Cidr> from = source(rule);
            if (priority < PolicyRule.MIN_PRIORITY || priority > PolicyRule.MAX_PRIORITY || table < 1 || table == Route.LOCAL_TABLE
                    || table > Integer.MAX_VALUE || from.filter(network -> !network.isNetworkAddress()).isPresent()) {
                continue;
            }
            Optional<Fwmark> mark = rule.has("fwmark")
                    ? Optional.of(new Fwmark(Long.decode(rule.get("fwmark").asText()),
                            rule.has("fwmask") ? Long.decode(rule.get("fwmask").asText()) : Fwmark.FULL_MASK))
                    : Optional.empty();
            int protocol = rule.has("protocol") ? Integer.parseInt(rule.get("protocol").asText()) : 0;
            rules.add(new KernelRule(new PolicyRule((int) priority, from, mark, (int) table), protocol));
        }
        return rules;
    }

    private static Optional<Cidr> source(JsonNode rule) {
        String source = rule.path("src").asText("all");
        if (source.equals("all")) {
            return Optional.empty();
        }
        IpAddress address = IpAddress.parse("src", source);
        return Optional.of(new Cidr(address, rule.path("srclen").asInt(address.isIpv4() ? 32 : 128)));
    }

    private static boolean hasOnlyRuleKeys(JsonNode rule) {
        for (Iterator<String> names = rule.fieldNames(); names.hasNext();) {
            if (!RULE_KEYS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
