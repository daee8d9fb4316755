package org.vrouter.router.firewall;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * The mangle-table marks every router type with a public side shares, which make replies leave
 * through the interface a connection came in on: connmark {@code 0x(100+N)} on new connections
 * arriving on public interface N, restored on every packet of an established connection, and the
 * mark of a static-NAT VM's new connections ({@code PREROUTING-ethN-def}), so they leave from its
 * public address's interface. The policy rules and routing tables that act on the marks are the
 * {@code addresses} service's.
 */
public final class MarkRules {
    private static final String ALL_BITS = "0xffffffff";

    private MarkRules() {}

    /** The connmark of an established connection back on each of its packets. */
    public static String restoreConnmark() {
        return rule().state("RELATED,ESTABLISHED").jump("CONNMARK --restore-mark --nfmask " + ALL_BITS + " --ctmask " + ALL_BITS);
    }

    /** Connmark {@code 0x(100+N)} on a new connection arriving on public interface N. */
    public static String markNewConnections(String publicDevice) {
        return rule().in(publicDevice).state("NEW").jump("CONNMARK --set-xmark " + NicNames.mark(publicDevice) + "/" + ALL_BITS);
    }

    /**
     * The static-NAT marks: returns the {@code PREROUTING} jumps (one per static NAT, by public
     * address) and fills the chain {@code PREROUTING-ethN-def} of each public interface N they jump
     * to: first a {@code RETURN} for each of {@code exempt} (destinations reached without the public
     * interface: a VPC's private-gateway and static-route networks), then the mark and its save.
     *
     * @param deviceOf the public interface of a static NAT's public address
     */
    public static List<String> staticNats(RulesetBuilder rules, List<StaticNat> staticNats, Function<IpAddress, String> deviceOf,
            List<Cidr> exempt) {
        List<String> jumps = new ArrayList<>();
        Set<String> devices = new LinkedHashSet<>();
        for (StaticNat nat : NatRules.sortedByPublicIp(staticNats)) {
            String device = deviceOf.apply(nat.publicIp());
            jumps.add(rule().source(nat.vmIp()).state("NEW").jump(staticNatChain(device)));
            devices.add(device);
        }
        for (String device : devices) {
            String chain = staticNatChain(device);
            exempt.forEach(network -> rules.append(MANGLE, chain, rule().destination(network).jump("RETURN")));
            rules.appendAll(MANGLE, chain, List.of(
                    rule().jump("MARK --set-xmark " + NicNames.mark(device) + "/" + ALL_BITS),
                    rule().jump("CONNMARK --save-mark --nfmask " + ALL_BITS + " --ctmask " + ALL_BITS)));
        }
        return jumps;
    }

    /** virtio DHCP replies leave with a partial checksum some clients drop: fill it in. */
    public static String checksumFill() {
        return rule().ports("udp", PortRange.of(68)).jump("CHECKSUM --checksum-fill");
    }

    static String staticNatChain(String device) {
        return "PREROUTING-" + device + "-def";
    }
}
