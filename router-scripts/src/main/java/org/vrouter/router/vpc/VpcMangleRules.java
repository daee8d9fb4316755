package org.vrouter.router.vpc;

import static org.vrouter.router.firewall.RuleLine.rule;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.Cidr;
import org.vrouter.router.firewall.MarkRules;
import org.vrouter.router.firewall.RulesetBuilder;

/**
 * The mangle table of a VPC router. {@code PREROUTING}: the connmark restore, the static-NAT marks
 * (not for private-gateway and static-route networks, which the public interface does not reach), the
 * connmark of new connections on each public interface, then the egress ACLs: a new connection arriving
 * on a private gateway (to anything but the router's own address there) and a new connection from a
 * tier's network (to anything but the tier's gateway) jump to {@code ACL_OUTBOUND_<dev>}. The marks
 * come first because an egress ACL's {@code ACCEPT} ends the chain. {@code POSTROUTING}: the DHCP
 * checksum fill.
 */
final class VpcMangleRules {
    private final VpcRender render;
    private final RulesetBuilder rules;

    private VpcMangleRules(VpcRender render) {
        this.render = render;
        this.rules = render.rules();
    }

    static void render(VpcRender render) {
        VpcMangleRules mangle = new VpcMangleRules(render);
        mangle.prerouting();
        if (!render.tiers().isEmpty()) {
            mangle.rules.append(MANGLE, "POSTROUTING", MarkRules.checksumFill());
        }
    }

    private void prerouting() {
        prerouting(MarkRules.restoreConnmark());
        List<Cidr> exempt = new ArrayList<>();
        render.privateGateways().forEach(gateway -> exempt.add(gateway.network()));
        exempt.addAll(render.input().routedNetworks());
        rules.appendAll(MANGLE, "PREROUTING", MarkRules.staticNats(rules, render.input().staticNats(), render::publicDevice,
                exempt.stream().distinct().toList()));
        render.publicDevices().forEach(device -> prerouting(MarkRules.markNewConnections(device)));
        for (PrivateGateway gateway : render.privateGateways()) {
            prerouting(rule().notDestination(gateway.ip()).in(gateway.device()).state("NEW").jump(AclChains.outbound(gateway.device())));
        }
        for (Tier tier : render.tiers()) {
            prerouting(rule().source(tier.network()).notDestination(tier.gateway()).in(tier.device()).state("NEW")
                    .jump(AclChains.outbound(tier.device())));
        }
    }

    private void prerouting(String line) {
        rules.append(MANGLE, "PREROUTING", line);
    }
}
