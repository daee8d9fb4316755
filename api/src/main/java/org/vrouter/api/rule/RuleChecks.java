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
        if (ports.isPresent() && !protocol.hasPorts()) {
            throw new InvalidParameterException(portsField, "ports apply only to protocol tcp or udp, not " + protocol, ports.get());
        }
        if (icmp.isPresent() && !protocol.equals(Protocol.ICMP)) {
            throw new InvalidParameterException("icmp_type", "ICMP type and code apply only to protocol icmp, not " + protocol,
                    icmp.get().type() + "/" + icmp.get().code());
        }
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
