package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.NicTO;

/**
 * Names the port group a router NIC goes on, from its traffic type, VLAN, rate and traffic label.
 * The resource never creates port groups: each name must exist in the datacenter, or the start
 * fails naming the missing ones. Implementations must be pure.
 */
@FunctionalInterface
public interface PortGroupNaming {
    /** The port group of {@code nic}. */
    String portGroup(NicTO nic);

    /**
     * CloudStack's standard-vSwitch naming, version 1:
     * {@code cloud.<prefix>.<vlan|untagged>.<rate Mbps|0>.1-<vSwitch>}, e.g.
     * {@code cloud.public.100.200.1-vSwitch0}. The prefix is {@code public}, {@code guest},
     * {@code storage}, or {@code private} for management and control traffic (a VMware router's
     * control NIC sits in the pod's management network). The vSwitch is the NIC's traffic label
     * (its {@code name}, up to the first comma, as CloudStack writes {@code vSwitch1,100,vmwaresvs}),
     * else {@code defaultVswitch}.
     */
    static PortGroupNaming cloudStack(String defaultVswitch) {
        FieldChecks.requireSafeText("vswitch", FieldChecks.requireNonBlank("vswitch", defaultVswitch));
        return nic -> {
            requireNonNull(nic, "nic is null");
            String vlan = nic.vlanId().isPresent() ? Integer.toString(nic.vlanId().getAsInt()) : "untagged";
            String vswitch = nic.networkName().map(label -> label.split(",", 2)[0].strip()).filter(label -> !label.isEmpty())
                    .orElse(defaultVswitch);
            return "cloud." + prefix(nic.trafficType()) + "." + vlan + "." + nic.networkRateMbps().orElse(0) + ".1-" + vswitch;
        };
    }

    private static String prefix(TrafficType type) {
        return switch (type) {
            case MANAGEMENT, CONTROL -> "private";
            default -> type.wireName().toLowerCase(Locale.ROOT);
        };
    }
}
