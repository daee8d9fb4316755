package org.vrouter.router.vpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.firewall.CidrSets;
import org.vrouter.router.firewall.NicNames;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.RemoteAccessVpnOpening;
import org.vrouter.router.firewall.Ruleset;
import org.vrouter.router.firewall.RulesetBuilder;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;

/**
 * One render of a VPC router's firewall: the input in render order (interfaces by device number,
 * addresses by address; ACL items keep their order), lookups between its parts, and the ruleset and
 * ipsets being built. Used once by {@link VpcFirewallRenderer}; not thread-safe.
 */
final class VpcRender {
    private static final Comparator<String> BY_DEVICE_NUMBER = Comparator.comparingInt(NicNames::number);

    private final VpcFirewallInput input;
    private final RulesetBuilder rules = Ruleset.builder();
    private final CidrSets sets = new CidrSets();
    private final List<Tier> tiers;
    private final List<PrivateGateway> privateGateways;
    private final List<PublicAddress> publicAddresses;
    private final Set<String> publicDevices = new TreeSet<>(BY_DEVICE_NUMBER);
    private final Map<IpAddress, PublicAddress> publics = new HashMap<>();
    private final Map<String, NetworkAcl> acls = new HashMap<>();

    VpcRender(VpcFirewallInput input) {
        this.input = input;
        tiers = new ArrayList<>(input.tiers());
        tiers.sort(Comparator.comparing(Tier::device, BY_DEVICE_NUMBER));
        privateGateways = new ArrayList<>(input.privateGateways());
        privateGateways.sort(Comparator.comparing(PrivateGateway::device, BY_DEVICE_NUMBER));
        publicAddresses = new ArrayList<>(input.publicAddresses());
        publicAddresses.sort(Comparator.comparing(PublicAddress::ip));
        for (PublicAddress address : publicAddresses) {
            publics.put(address.ip(), address);
            publicDevices.add(address.device());
        }
        input.acls().forEach(acl -> acls.put(acl.device(), acl));
    }

    VpcFirewallInput input() {
        return input;
    }

    RulesetBuilder rules() {
        return rules;
    }

    CidrSets sets() {
        return sets;
    }

    /** Tiers by device number. */
    List<Tier> tiers() {
        return tiers;
    }

    /** Private gateways by device number. */
    List<PrivateGateway> privateGateways() {
        return privateGateways;
    }

    /** Public addresses by address. */
    List<PublicAddress> publicAddresses() {
        return publicAddresses;
    }

    /** The interfaces that hold public addresses, by device number. */
    Set<String> publicDevices() {
        return publicDevices;
    }

    /** The interface of a public address (the input guarantees the router holds it). */
    String publicDevice(IpAddress ip) {
        return publics.get(ip).device();
    }

    /** The site-to-site peers by peer address, so that the same peers in another order give the same rules. */
    List<SiteToSiteVpnOpening> siteToSiteVpns() {
        return input.siteToSiteVpns().stream().sorted(Comparator.comparing(SiteToSiteVpnOpening::peerGatewayIp)).toList();
    }

    /** The L2TP servers by public address. */
    List<RemoteAccessVpnOpening> remoteAccessVpns() {
        return input.remoteAccessVpns().stream().sorted(Comparator.comparing(RemoteAccessVpnOpening::publicIp)).toList();
    }

    /** The ACL of a tier or private gateway; one without an ACL has an empty one. */
    NetworkAcl acl(String device) {
        return Optional.ofNullable(acls.get(device)).orElseGet(() -> NetworkAcl.empty(device));
    }

    /** The tier whose network holds {@code ip} (the input guarantees there is one for NAT targets). */
    Tier tierOf(IpAddress ip) {
        for (Tier tier : tiers) {
            if (tier.network().contains(ip)) {
                return tier;
            }
        }
        throw new IllegalStateException(ip + " is in no tier");
    }
}
