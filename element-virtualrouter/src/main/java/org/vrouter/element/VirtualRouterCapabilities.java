package org.vrouter.element;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Service;

/**
 * The services the virtual router provides and the capability values it declares, with
 * CloudStack's exact strings (its newest releases: LB with SSL termination, VM autoscaling and the
 * cpu, memory and virtual-router counters). Offering validation and UIs compare these strings, so
 * they are kept as CloudStack writes them, typos included ({@code removeaccessvpn},
 * {@code DhcpAccrossMultipleSubnets}) and with its irregular spacing ({@code "tcp, udp, tcp-proxy"}
 * next to {@code "tcp,udp,icmp"}).
 */
final class VirtualRouterCapabilities {
    /** Services in the order CloudStack registers them; values are unmodifiable. */
    static final Map<Service, Map<Capability, String>> CAPABILITIES = build();

    private VirtualRouterCapabilities() {
    }

    private static Map<Service, Map<Capability, String>> build() {
        Map<Service, Map<Capability, String>> all = new LinkedHashMap<>();
        all.put(Service.LB, ordered(
                Capability.SUPPORTED_LB_ALGORITHMS, "roundrobin,leastconn,source",
                Capability.SUPPORTED_LB_ISOLATION, "dedicated",
                Capability.SUPPORTED_PROTOCOLS, "tcp, udp, tcp-proxy",
                Capability.SUPPORTED_STICKINESS_METHODS, stickinessMethodsJson(),
                Capability.LB_SCHEMES, "Public",
                Capability.SSL_TERMINATION, "true",
                Capability.AUTO_SCALE_COUNTERS, autoScaleCountersJson(),
                Capability.VM_AUTO_SCALING, "true"));
        all.put(Service.FIREWALL, ordered(
                Capability.TRAFFIC_STATISTICS, "per public ip",
                Capability.SUPPORTED_PROTOCOLS, "tcp,udp,icmp",
                Capability.SUPPORTED_EGRESS_PROTOCOLS, "tcp,udp,icmp, all",
                Capability.SUPPORTED_TRAFFIC_DIRECTION, "ingress, egress",
                Capability.MULTIPLE_IPS, "true"));
        all.put(Service.VPN, ordered(
                Capability.SUPPORTED_VPN_PROTOCOLS, "pptp,l2tp,ipsec",
                Capability.VPN_TYPES, "removeaccessvpn"));
        all.put(Service.DNS, ordered(Capability.ALLOW_DNS_SUFFIX_MODIFICATION, "true"));
        all.put(Service.USER_DATA, Map.of());
        all.put(Service.DHCP, ordered(Capability.DHCP_ACROSS_MULTIPLE_SUBNETS, "true"));
        all.put(Service.GATEWAY, Map.of());
        all.put(Service.SOURCE_NAT, ordered(
                Capability.SUPPORTED_SOURCE_NAT_TYPES, "peraccount",
                Capability.REDUNDANT_ROUTER, "true"));
        all.put(Service.STATIC_NAT, Map.of());
        all.put(Service.PORT_FORWARDING, ordered(Capability.SUPPORTED_PROTOCOLS, "tcp,udp"));
        return Collections.unmodifiableMap(all);
    }

    private static Map<Capability, String> ordered(Object... pairs) {
        Map<Capability, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Capability) pairs[i], (String) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** A stickiness method as CloudStack's capability lists it. */
    private record Method(String name, String description, List<Parameter> parameters) {
    }

    /** A stickiness parameter; CloudStack blanks every parameter description to one space and marks none required. */
    private record Parameter(String name, boolean flag) {
    }

    /**
     * The {@code SupportedStickinessMethods} value: the JSON CloudStack's Gson writes for its three
     * haproxy methods. The method is {@code SourceBased} here, as in CloudStack, although rules name
     * it {@code Source}.
     */
    static String stickinessMethodsJson() {
        List<Method> methods = List.of(
                new Method("LbCookie", "This is loadbalancer cookie based stickiness method.", List.of(
                        new Parameter("cookie-name", false), new Parameter("mode", false), new Parameter("nocache", true),
                        new Parameter("indirect", true), new Parameter("postonly", true), new Parameter("domain", false))),
                new Method("AppCookie", "This is App session based sticky method. Define session stickiness on an existing application"
                        + " cookie. It can be used only for a specific http traffic", List.of(
                        new Parameter("cookie-name", false), new Parameter("length", false), new Parameter("holdtime", false),
                        new Parameter("request-learn", true), new Parameter("prefix", true), new Parameter("mode", false))),
                new Method("SourceBased", "This is source based Stickiness method, it can be used for any type of protocol.", List.of(
                        new Parameter("tablesize", false), new Parameter("expire", false))));
        // Field order follows the Gson output: methodname, paramlist, description. No constant holds a
        // character Gson would escape (quotes, backslash, < > & = '), so the text is written as is.
        return methods.stream()
                .map(method -> "{\"methodname\":\"" + method.name() + "\",\"paramlist\":[" + method.parameters().stream()
                        .map(parameter -> "{\"paramname\":\"" + parameter.name() + "\",\"required\":false,\"isflag\":" + parameter.flag()
                                + ",\"description\":\" \"}")
                        .collect(Collectors.joining(",")) + "],\"description\":\"" + method.description() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The {@code AutoScaleCounters} value: CloudStack's counter sources by enum name, without parameters. */
    static String autoScaleCountersJson() {
        return List.of("CPU", "MEMORY", "VIRTUALROUTER").stream()
                .map(source -> "{\"methodname\":\"" + source + "\",\"paramlist\":[]}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
