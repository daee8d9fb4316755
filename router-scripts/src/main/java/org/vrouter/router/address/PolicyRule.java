package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

/**
 * An IPv4 policy-routing rule: traffic with a firewall mark, or from a source network, looks up a
 * table of its own. A router with several public devices uses them so replies leave through the
 * device the connection came in on: {@code fwmark 0x66 lookup 102} and
 * {@code from 203.0.113.0/24 lookup 102} for {@code eth2}.
 *
 * <p>The priority is explicit so the kernel holds exactly the rule asked for and a removed rule is
 * deleted precisely. IPv6 rules are not supported: CloudStack routers route IPv6 without them.
 *
 * @param priority 1 to 32765 (0, 32766 and 32767 are the kernel's local, main and default rules)
 * @param from the source network, IPv4 without host bits, or empty for any source
 * @param fwmark the firewall mark, or empty for any
 * @param table the table looked up
 */
public record PolicyRule(int priority, Optional<Cidr> from, Optional<Fwmark> fwmark, int table) {
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 32765;

    public PolicyRule {
        requireNonNull(from, "from is null");
        requireNonNull(fwmark, "fwmark is null");
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new InvalidParameterException("priority", "must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY, priority);
        }
        if (from.isPresent()) {
            Cidr source = from.get();
            if (!source.isIpv4()) {
                throw new InvalidParameterException("from", "policy rules are IPv4 only", source);
            }
            if (!source.isNetworkAddress()) {
                throw new InvalidParameterException("from", "host bits set (did you mean " + source.network() + "?)", source);
            }
        }
        Route.requireTable("table", table);
    }

    /** {@code fwmark <mark> lookup <table>}. */
    public static PolicyRule forMark(int priority, Fwmark mark, int table) {
        return new PolicyRule(priority, Optional.empty(), Optional.of(mark), table);
    }

    /** {@code from <network> lookup <table>}. */
    public static PolicyRule forSource(int priority, Cidr network, int table) {
        return new PolicyRule(priority, Optional.of(network), Optional.empty(), table);
    }

    /** The words after {@code rule add} or {@code rule del} in an {@code ip -batch} line (without the protocol). */
    List<String> arguments() {
        List<String> words = new ArrayList<>(List.of("priority", Integer.toString(priority)));
        from.ifPresent(network -> words.addAll(List.of("from", network.toString())));
        fwmark.ifPresent(mark -> words.addAll(List.of("fwmark", mark.toString())));
        words.addAll(List.of("table", Integer.toString(table)));
        return words;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
