package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;

/**
 * Which host bridge a router NIC is plugged into, by a fixed, configurable rule (documented in
 * docs/hypervisors.md, section KVM):
 * <ol>
 *   <li>a {@link TrafficType#CONTROL} NIC: {@link #controlBridge()} ({@code cloud0}, which carries
 *       169.254.0.1/16 on the host);
 *   <li>a NIC on {@code vlan://N} (or {@code pvlan://N-iM}, by its primary VLAN):
 *       {@link #vlanTemplate()} with {@code {label}} replaced by the NIC's <em>label</em> and
 *       {@code {vlan}} by N; default {@code br{label}-{vlan}}, so a label {@code eth1} gives
 *       CloudStack's {@code breth1-100};
 *   <li>a NIC on {@code vxlan://N}: {@link #vxlanTemplate()} with {@code {vni}}; default CloudStack's
 *       {@code brvx-{vni}};
 *   <li>anything else (no URI, {@code vlan://untagged}, other schemes): the label itself.
 * </ol>
 * The <em>label</em> is the NIC's traffic label ({@code NicTO.networkName}) when it has one, else
 * the bridge configured for its traffic type. The bridges must exist on the host (the KVM agent's
 * set-up creates VLAN bridges; libvirt refuses to start a domain on a missing bridge). A result
 * that is not a Linux interface name (at most 15 characters of {@code [A-Za-z0-9_.-]}) is refused.
 *
 * @param controlBridge the link-local bridge
 * @param trafficBridges the label per traffic type when a NIC has no traffic label of its own
 * @param vlanTemplate must contain {@code {vlan}}
 * @param vxlanTemplate must contain {@code {vni}}
 */
public record BridgeNaming(String controlBridge, Map<TrafficType, String> trafficBridges, String vlanTemplate, String vxlanTemplate) {
    /** CloudStack's link-local bridge on a KVM host. */
    public static final String DEFAULT_CONTROL_BRIDGE = "cloud0";
    /** CloudStack's usual traffic-label bridge on a KVM host. */
    public static final String DEFAULT_TRAFFIC_BRIDGE = "cloudbr0";
    public static final String DEFAULT_VLAN_TEMPLATE = "br{label}-{vlan}";
    public static final String DEFAULT_VXLAN_TEMPLATE = "brvx-{vni}";

    private static final Pattern BRIDGE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    public BridgeNaming {
        requireBridgeName("control_bridge", controlBridge);
        trafficBridges = Map.copyOf(requireNonNull(trafficBridges, "trafficBridges is null"));
        trafficBridges.forEach((type, bridge) -> requireBridgeName("traffic_bridge." + type.wireName(), bridge));
        requireNonNull(vlanTemplate, "vlanTemplate is null");
        if (!vlanTemplate.contains("{vlan}")) {
            throw new InvalidParameterException("vlan_template", "must contain {vlan}", vlanTemplate);
        }
        requireNonNull(vxlanTemplate, "vxlanTemplate is null");
        if (!vxlanTemplate.contains("{vni}")) {
            throw new InvalidParameterException("vxlan_template", "must contain {vni}", vxlanTemplate);
        }
    }

    /** {@code cloud0} for control, {@code cloudbr0} for every other traffic type, CloudStack's VLAN and VXLAN names. */
    public static BridgeNaming defaults() {
        Map<TrafficType, String> bridges = new EnumMap<>(TrafficType.class);
        for (TrafficType type : TrafficType.values()) {
            if (type != TrafficType.CONTROL) {
                bridges.put(type, DEFAULT_TRAFFIC_BRIDGE);
            }
        }
        return new BridgeNaming(DEFAULT_CONTROL_BRIDGE, bridges, DEFAULT_VLAN_TEMPLATE, DEFAULT_VXLAN_TEMPLATE);
    }

    /** These names with {@code bridge} as the label of {@code type}. */
    public BridgeNaming withTrafficBridge(TrafficType type, String bridge) {
        Map<TrafficType, String> bridges = new EnumMap<>(TrafficType.class);
        bridges.putAll(trafficBridges);
        bridges.put(requireNonNull(type, "type is null"), bridge);
        return new BridgeNaming(controlBridge, bridges, vlanTemplate, vxlanTemplate);
    }

    /** These names with another VLAN template ({@code {label}} and {@code {vlan}}). */
    public BridgeNaming withVlanTemplate(String template) {
        return new BridgeNaming(controlBridge, trafficBridges, template, vxlanTemplate);
    }

    /**
     * The bridge of {@code nic}.
     *
     * @throws InvalidParameterException naming {@code nics[<device id>].bridge} when there is no label
     *     for the NIC's traffic type or the name made is not a Linux interface name
     */
    public String bridgeFor(NicTO nic) {
        String field = "nics[" + nic.deviceId() + "].bridge";
        if (nic.trafficType() == TrafficType.CONTROL) {
            return controlBridge;
        }
        Optional<BroadcastUri> uri = nic.broadcastUri();
        if (uri.isPresent() && uri.get().scheme().equals("vxlan")) {
            return requireBridgeName(field, vxlanTemplate.replace("{vni}", uri.get().value()));
        }
        String label = label(nic, field);
        if (nic.vlanId().isPresent()) {
            return requireBridgeName(field, vlanTemplate.replace("{label}", label).replace("{vlan}", Integer.toString(nic.vlanId().getAsInt())));
        }
        return requireBridgeName(field, label);
    }

    private String label(NicTO nic, String field) {
        return nic.networkName().or(() -> Optional.ofNullable(trafficBridges.get(nic.trafficType())))
                .orElseThrow(() -> new InvalidParameterException(field, "no traffic label on the NIC and no bridge configured for "
                        + nic.trafficType().wireName() + " traffic"));
    }

    /**
     * {@code name} when it is a Linux interface name.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public static String requireBridgeName(String field, String name) {
        requireNonNull(name, field + " is null");
        if (!BRIDGE.matcher(name).matches()) {
            throw new InvalidParameterException(field, "not a Linux bridge name (1 to 15 of A-Z a-z 0-9 _ . -)", name);
        }
        return name;
    }
}
