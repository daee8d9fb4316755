package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.commands.to.NetworkACLTO;
import org.vrouter.commands.to.NicTO;

/**
 * Replaces the network ACL of one VPC tier or private gateway: CloudStack's
 * {@code SetNetworkACLCommand}. On the wire one {@code network_acl.json} (type {@code networkacl})
 * for the NIC's device: {@code device}, {@code mac_address}, {@code nic_ip}, {@code nic_netmask}
 * (prefix length), {@code private_gateway_acl}, {@code ingress_rules} and {@code egress_rules} in
 * rule-number order.
 *
 * <p>Rules are kept sorted by number (stable); two rules that are not revoked never share a
 * number. Access details derived here: {@code router.guest.ip} = NIC address,
 * {@code guest.vlan.tag} = the NIC's VLAN when it has one, {@code vpc.gateway.private} =
 * {@code Private} for a private gateway (its presence is what the resource reads).
 * {@link #answersCount()} is the rule count, as in CloudStack.
 *
 * @param nic the router's NIC in the tier or private gateway; must have an IPv4 address and netmask
 * @param privateGateway the ACL belongs to a private gateway rather than a tier
 */
public record SetNetworkACLCommand(AccessDetails accessDetails, List<NetworkACLTO> rules, NicTO nic, boolean privateGateway)
        implements NetworkElementCommand {

    /** The value CloudStack puts under {@code vpc.gateway.private}. */
    public static final String PRIVATE_GATEWAY_MARKER = "Private";

    public SetNetworkACLCommand {
        CommandChecks.requireRouter(accessDetails);
        rules = CommandChecks.list(rules, "rules").stream().sorted(Comparator.comparingInt(NetworkACLTO::number)).toList();
        Set<Integer> numbers = new HashSet<>();
        CommandChecks.each(rules, "rules", rule -> {
            if (!rule.revoked() && !numbers.add(rule.number())) {
                throw new InvalidParameterException("number", "two active rules share this number", rule.number());
            }
        });
        requireNonNull(nic, "nic is null");
        Cidr cidr = nic.cidr().orElseThrow(() -> new InvalidParameterException("nic_ip", "the ACL's NIC needs an IPv4 address and netmask"));
        accessDetails = accessDetails.withDerived(AccessDetails.ROUTER_GUEST_IP, cidr.address().value());
        if (nic.vlanId().isPresent()) {
            accessDetails = accessDetails.withDerived(AccessDetails.GUEST_VLAN_TAG, Integer.toString(nic.vlanId().getAsInt()));
        }
        if (privateGateway) {
            accessDetails = accessDetails.withDerived(AccessDetails.VPC_PRIVATE_GATEWAY, PRIVATE_GATEWAY_MARKER);
        }
        else if (accessDetails.get(AccessDetails.VPC_PRIVATE_GATEWAY).isPresent()) {
            throw new InvalidParameterException(AccessDetails.VPC_PRIVATE_GATEWAY, "set on a tier ACL (privateGateway is false)",
                    accessDetails.require(AccessDetails.VPC_PRIVATE_GATEWAY));
        }
    }

    /** One answer per rule, as CloudStack's {@code getAnswersCount()}. */
    @Override
    public int answersCount() {
        return rules.size();
    }
}
