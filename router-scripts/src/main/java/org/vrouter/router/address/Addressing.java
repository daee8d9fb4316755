package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Everything the {@link AddressApplier} converges: the managed devices with their addresses, MTU
 * and link state, the routes and the policy rules. A converger builds it from the databags; the
 * applier diffs it against the kernel.
 *
 * <p>Routes and rules may refer to devices and tables not listed among the interfaces (a management
 * route through the control device). What is not listed is not removed unless the applier added it
 * (see {@link AddressApplier} for what it owns), or the addressing is {@code exclusive}.
 *
 * @param interfaces one entry per managed device, each device once
 * @param routes no two with the same destination, table and metric
 * @param rules no rule twice
 * @param exclusive the interfaces name every router NIC ({@code eth<N>}, CloudStack's names) that should
 *     hold addresses: a kernel {@code eth<N>} device they do not name has the addresses the applier
 *     would own removed, its link and MTU left alone (CloudStack's {@code CsAddress.compare}: a tier or
 *     public VLAN whose last address was released). When false, unnamed devices are not touched.
 */
public record Addressing(List<InterfaceAddresses> interfaces, List<Route> routes, List<PolicyRule> rules, boolean exclusive) {
    /** An addressing that leaves unnamed devices alone. */
    public Addressing(List<InterfaceAddresses> interfaces, List<Route> routes, List<PolicyRule> rules) {
        this(interfaces, routes, rules, false);
    }

    public Addressing {
        interfaces = List.copyOf(requireNonNull(interfaces, "interfaces is null"));
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        Set<String> devices = new HashSet<>();
        for (InterfaceAddresses device : interfaces) {
            if (!devices.add(device.device())) {
                throw new InvalidParameterException("interfaces", "device given twice", device.device());
            }
        }
        Map<RouteKey, Route> keys = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            Route earlier = keys.put(routes.get(i).key(), routes.get(i));
            if (earlier != null) {
                throw new InvalidParameterException("routes[" + i + "]", "same destination, table and metric as " + earlier, routes.get(i));
            }
        }
        if (new HashSet<>(rules).size() != rules.size()) {
            throw new InvalidParameterException("rules", "a rule is given twice", rules);
        }
    }

    /** Nothing managed: the applier removes only what it added earlier. */
    public static Addressing empty() {
        return new Addressing(List.of(), List.of(), List.of());
    }

    /**
     * This addressing without the interfaces {@code devices} and the routes through them: what can be
     * applied while those NICs are not plugged yet.
     */
    public Addressing withoutDevices(Set<String> devices) {
        if (devices.isEmpty()) {
            return this;
        }
        return new Addressing(interfaces.stream().filter(device -> !devices.contains(device.device())).toList(),
                routes.stream().filter(route -> route.device().filter(devices::contains).isEmpty()).toList(), rules, exclusive);
    }

    /** The desired state of a managed device, or empty if the device is not managed. */
    public Optional<InterfaceAddresses> device(String name) {
        return interfaces.stream().filter(device -> device.device().equals(name)).findFirst();
    }
}
