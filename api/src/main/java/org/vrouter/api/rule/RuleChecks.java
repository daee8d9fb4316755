package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;

/** Checks shared by the rule records: which protocol allows ports or ICMP fields, and CIDR lists. */
final class RuleChecks {
    private RuleChecks() {}

    static void requirePortsAndIcmpMatchProtocol(Protocol protocol, Optional<PortRange> ports, String portsField, Optional<Icmp> icmp) {
        requireNonNull(ports, "ports is null");
        requireNonNull(icmp, "icmp is null");
        ports.ifPresent(range -> protocol.requirePortsAllowed(portsField, range));
        icmp.ifPresent(value -> protocol.requireIcmpAllowed("icmp_type", value.type() + "/" + value.code()));
    }

    static List<Cidr> copyCidrs(String field, List<Cidr> cidrs) {
        requireNonNull(cidrs, field + " is null");
        for (int i = 0; i < cidrs.size(); i++) {
            if (cidrs.get(i) == null) {
                throw new InvalidParameterException(field + "[" + i + "]", "is missing");
            }
        }
        return List.copyOf(cidrs);
    }
}
