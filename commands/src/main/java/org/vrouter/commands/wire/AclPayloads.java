package org.vrouter.commands.wire;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.wire.payload.AclRule;
import org.vrouter.commands.wire.payload.AllAclRule;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.IcmpAclRule;
import org.vrouter.commands.wire.payload.NetworkAclPayload;
import org.vrouter.commands.wire.payload.PortAclRule;
import org.vrouter.commands.wire.payload.ProtocolAclRule;

/**
 * The payload of {@code SetNetworkACLCommand}: the whole ACL of one tier or private gateway as typed
 * rules. CloudStack first renders each rule as a {@code ;}-separated string and parses it back; the
 * result is the same as converting the rules directly, which is what happens here.
 */
final class AclPayloads {
    /** CloudStack's CIDR list for a rule that names none: everyone, IPv4 and IPv6. */
    static final CidrList DEFAULT_CIDRS = CidrList.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0"));
    /** ICMP type and code CloudStack means by "any". */
    private static final int ANY_ICMP = -1;

    private AclPayloads() {}

    /**
     * {@code network_acl.json}: {@code device} {@code eth<device id>}, {@code nic_netmask} the prefix length
     * as a string, {@code private_gateway_acl} the presence of access detail {@code vpc.gateway.private},
     * rules in number order split by direction. Revoked rules are left out: CloudStack's converter cannot
     * parse their {@code reverted} rule string and skips them, and the router replaces the whole ACL anyway.
     */
    static NetworkAclPayload networkAcl(SetNetworkACLCommand command) {
        NicTO nic = command.nic();
        List<AclRule> ingress = new ArrayList<>();
        List<AclRule> egress = new ArrayList<>();
        List<NetworkACLTO> rules = command.rules();
        for (int i = 0; i < rules.size(); i++) {
            NetworkACLTO rule = rules.get(i);
            if (rule.revoked()) {
                continue;
            }
            AclRule converted = PayloadElements.at("rules", i, rule, AclPayloads::rule);
            (rule.trafficType() == Direction.INGRESS ? ingress : egress).add(converted);
        }
        boolean privateGateway = command.accessDetails().get(AccessDetails.VPC_PRIVATE_GATEWAY).isPresent();
        Cidr cidr = nic.cidr().orElseThrow();
        return new NetworkAclPayload(nic.deviceName(), nic.macAddress(), privateGateway, cidr.address(),
                Integer.toString(cidr.prefixLength()), nic.ip6Cidr(), ingress, egress, false);
    }

    private static AclRule rule(NetworkACLTO rule) {
        CidrList cidrs = rule.cidrs().isEmpty() ? DEFAULT_CIDRS : new CidrList(rule.cidrs());
        boolean allowed = rule.action().allowed();
        Protocol protocol = rule.protocol();
        if (protocol.isNumber()) {
            return new ProtocolAclRule(protocol.protocolNumber().getAsInt(), cidrs, allowed);
        }
        if (protocol.hasPorts()) {
            return new PortAclRule(protocol.name(), rule.portRange().map(ports -> ports.start()).orElse(0),
                    rule.portRange().map(ports -> ports.end()).orElse(0), cidrs, allowed);
        }
        if (protocol.isIcmp()) {
            return new IcmpAclRule(rule.icmpType().orElse(ANY_ICMP), rule.icmpCode().orElse(ANY_ICMP), cidrs, allowed);
        }
        return new AllAclRule(cidrs, allowed);
    }
}
