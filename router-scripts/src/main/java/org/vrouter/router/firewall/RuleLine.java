package org.vrouter.router.firewall;

import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * Writes one rule in the order iptables-save prints it, whatever order the renderer sets the parts
 * in: {@code -s -d -i -o -p}, then the ipset matches, then the other matches in the order added,
 * then the target. A rule written in another order would come back reordered from the kernel and
 * show as drift on every verify. Single addresses are written {@code /32}; networks are written as
 * given, so they must come without host bits, as the kernel keeps them (the input records and
 * {@link CidrLists} guarantee it). One instance per rule; not thread-safe.
 *
 * <p>Public for the renderers of every router type (isolated here, VPC in {@code router.vpc}): a rule
 * built with it is in the form the appliers compare with the kernel.
 */
public final class RuleLine {
    private String source = "";
    private String destination = "";
    private String in = "";
    private String out = "";
    private String protocol = "";
    private String sourceSet = "";
    private String destinationSet = "";
    private final StringBuilder matches = new StringBuilder();

    public static RuleLine rule() {
        return new RuleLine();
    }

    public RuleLine source(Cidr cidr) {
        source = "-s " + cidr;
        return this;
    }

    public RuleLine source(IpAddress address) {
        source = "-s " + address + "/32";
        return this;
    }

    public RuleLine destination(Cidr cidr) {
        destination = "-d " + cidr;
        return this;
    }

    public RuleLine destination(IpAddress address) {
        destination = "-d " + address + "/32";
        return this;
    }

    /** Every destination but one network ({@code ! -d 10.0.0.0/16}). */
    public RuleLine notDestination(Cidr cidr) {
        destination = "! -d " + cidr;
        return this;
    }

    /** Every destination but one address ({@code ! -d 10.1.1.1/32}). */
    public RuleLine notDestination(IpAddress address) {
        destination = "! -d " + address + "/32";
        return this;
    }

    /** Matches a source: nothing for any address, {@code -s} for one network, the ipset for a set. */
    public RuleLine source(CidrMatch match) {
        match.cidr().ifPresent(this::source);
        match.set().ifPresent(set -> sourceSet = "-m set --match-set " + set + " src");
        return this;
    }

    public RuleLine destination(CidrMatch match) {
        match.cidr().ifPresent(this::destination);
        match.set().ifPresent(set -> destinationSet = "-m set --match-set " + set + " dst");
        return this;
    }

    public RuleLine in(String device) {
        in = "-i " + device;
        return this;
    }

    public RuleLine notIn(String device) {
        in = "! -i " + device;
        return this;
    }

    public RuleLine out(String device) {
        out = "-o " + device;
        return this;
    }

    public RuleLine notOut(String device) {
        out = "! -o " + device;
        return this;
    }

    public RuleLine protocol(String name) {
        protocol = "-p " + name;
        return this;
    }

    /** A protocol with a destination port range: {@code -p tcp -m tcp --dport 80:90}. */
    public RuleLine ports(String protocolName, PortRange range) {
        protocol(protocolName);
        return match("-m " + protocolName + " --dport " + ports(range));
    }

    /** A match ({@code -m state --state NEW}), after the ones added before. */
    public RuleLine match(String text) {
        if (matches.length() > 0) {
            matches.append(' ');
        }
        matches.append(text);
        return this;
    }

    public RuleLine state(String states) {
        return match("-m state --state " + states);
    }

    /** The rule with its target and target options ({@code ACCEPT}, {@code DNAT --to-destination 10.1.1.5}). */
    public String jump(String target) {
        return join(Optional.of("-j " + target));
    }

    /** The rule without a target: it only counts packets. */
    public String countOnly() {
        return join(Optional.empty());
    }

    /** A port range as {@code --dport} takes it: {@code 80} or {@code 80:90}. */
    public static String ports(PortRange range) {
        return range.isSinglePort() ? Integer.toString(range.start()) : range.start() + ":" + range.end();
    }

    private String join(Optional<String> target) {
        StringBuilder line = new StringBuilder(96);
        for (String part : new String[] {source, destination, in, out, protocol, sourceSet, destinationSet}) {
            append(line, part);
        }
        append(line, matches.toString());
        target.ifPresent(text -> append(line, text));
        return line.toString();
    }

    private static void append(StringBuilder line, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(part);
    }
}
