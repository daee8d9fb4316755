package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.commands.to.FirewallRuleTO;
import org.vrouter.commands.to.IpAddressTO;

/** Checks shared by the commands of this package; errors name the wire field. */
final class CommandChecks {
    private CommandChecks() {}

    /**
     * Every router command names its router: {@code router.ip} (where to connect) and
     * {@code router.name} (the per-router lock and batch key).
     */
    static AccessDetails requireRouter(AccessDetails details) {
        requireNonNull(details, "accessDetails is null");
        details.require(AccessDetails.ROUTER_IP);
        details.require(AccessDetails.ROUTER_NAME);
        return details;
    }

    static <T> List<T> list(List<T> values, String field) {
        return List.copyOf(requireNonNull(values, field + " is null"));
    }

    static <T> List<T> nonEmpty(List<T> values, String field) {
        List<T> copy = list(values, field);
        if (copy.isEmpty()) {
            throw new InvalidParameterException(field, "must not be empty");
        }
        return copy;
    }

    /** Runs {@code check} on each element, prefixing a failure's field with {@code field[i].}. */
    static <T> void each(List<T> values, String field, Consumer<T> check) {
        for (int i = 0; i < values.size(); i++) {
            try {
                check.accept(values.get(i));
            }
            catch (InvalidParameterException e) {
                throw e.within(field + "[" + i + "].");
            }
        }
    }

    /**
     * Egress rules must carry the command's default egress policy, and the access detail
     * {@code firewall.egress.default} is derived as CloudStack does: {@code System} when the first
     * rule is a System egress rule, otherwise {@code true} / {@code false}.
     */
    static AccessDetails egressDefault(AccessDetails details, List<FirewallRuleTO> rules, boolean defaultEgressAllow) {
        each(rules, "rules", rule -> {
            if (rule.trafficType() == Direction.EGRESS && rule.defaultEgressPolicy() != defaultEgressAllow) {
                throw new InvalidParameterException("default_egress_policy", "differs from the command's default egress policy " + defaultEgressAllow, rule.defaultEgressPolicy());
            }
        });
        boolean system = !rules.isEmpty() && rules.get(0).trafficType() == Direction.EGRESS
                && rules.get(0).type() == FirewallRule.Type.SYSTEM;
        return details.withDerived(AccessDetails.FIREWALL_EGRESS_DEFAULT, system ? "System" : Boolean.toString(defaultEgressAllow));
    }

    /** Non-empty, one entry per address. */
    static List<IpAddressTO> ipAddresses(List<IpAddressTO> ipAddresses) {
        List<IpAddressTO> copy = nonEmpty(ipAddresses, "ip_address");
        Set<IpAddress> seen = new HashSet<>();
        each(copy, "ip_address", ip -> {
            if (!seen.add(ip.publicIp())) {
                throw new InvalidParameterException("public_ip", "listed twice", ip.publicIp());
            }
        });
        return copy;
    }
}
