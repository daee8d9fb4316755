package org.vrouter.router.vpc;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.FILTER;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.firewall.CidrMatch;
import org.vrouter.router.firewall.RuleLine;

/**
 * The two chains of a network ACL, in CloudStack's layout: ingress in the filter table,
 * {@code ACL_INBOUND_<dev>}, matching sources; egress in the mangle table, {@code ACL_OUTBOUND_<dev>},
 * matching destinations. Each starts with the two fixed accepts (VRRP advertisements to 224.0.0.18,
 * conntrackd sync to 225.0.0.50, so an ACL never cuts a redundant pair apart), then the items in ACL
 * order, then the terminal rule: {@code DROP} for ingress (default deny), {@code RETURN} for egress
 * (unmatched traffic goes on to the filter table).
 *
 * <p>An item expands in place, so its place in the list never moves (#12668): one kernel rule per
 * network of a short list, consecutive; one rule matching a {@code hash:net} ipset for a list of more
 * than {@value org.vrouter.router.firewall.CidrSets#INLINE_LIMIT} networks. The set is named after
 * its content ({@code acl-<dev>-<in|out>-<hash>}), so a changed list is a new set: the old rules keep
 * matching the old set until the one {@code iptables-restore} that replaces the chain, which makes an
 * ACL replace one transaction.
 */
final class AclChains {
    private static final List<IpAddress> FIXED_ACCEPTS = List.of(IpAddress.parse("224.0.0.18"), IpAddress.parse("225.0.0.50"));

    private AclChains() {}

    static String inbound(String device) {
        return "ACL_INBOUND_" + device;
    }

    static String outbound(String device) {
        return "ACL_OUTBOUND_" + device;
    }

    /** Both chains of the ACL of {@code device} (a tier or private gateway). */
    static void render(VpcRender render, NetworkAcl acl) {
        String inbound = inbound(acl.device());
        String outbound = outbound(acl.device());
        for (IpAddress address : FIXED_ACCEPTS) {
            render.rules().append(FILTER, inbound, rule().destination(address).jump("ACCEPT"));
            render.rules().append(MANGLE, outbound, rule().destination(address).jump("ACCEPT"));
        }
        for (AclItem item : acl.ingress()) {
            for (CidrMatch source : render.sets().matches(setName(acl.device(), "in", item.cidrs()), item.cidrs())) {
                RuleLine line = rule().source(source);
                item.addMatchTo(line);
                render.rules().append(FILTER, inbound, line.jump(item.target()));
            }
        }
        for (AclItem item : acl.egress()) {
            for (CidrMatch destination : render.sets().matches(setName(acl.device(), "out", item.cidrs()), item.cidrs())) {
                RuleLine line = rule().destination(destination);
                item.addMatchTo(line);
                render.rules().append(MANGLE, outbound, line.jump(item.target()));
            }
        }
        render.rules().append(FILTER, inbound, rule().jump("DROP"));
        render.rules().append(MANGLE, outbound, rule().jump("RETURN"));
    }

    /** {@code acl-eth2-in-1f0c3a9b}: the device, the direction and the first 32 bits of the list's SHA-256. */
    static String setName(String device, String direction, List<Cidr> cidrs) {
        String text = cidrs.stream().map(Cidr::toString).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "acl-" + device + "-" + direction + "-" + HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
