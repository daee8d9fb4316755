package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vrouter.api.net.IpAddress;

/**
 * One render of an isolated router's firewall: the input in the order it is rendered (everything
 * sorted, so the order of the input lists never shows), lookups between its parts, and the
 * ruleset and ipsets being built. Used once by {@link IsolatedFirewallRenderer}; not thread-safe.
 */
final class IsolatedRender {
    private static final Comparator<String> BY_DEVICE_NUMBER = Comparator.comparingInt(NicNames::number);

    private final IsolatedFirewallInput input;
    private final RulesetBuilder rules = Ruleset.builder();
    private final CidrSets sets = new CidrSets();
    private final List<PublicAddress> publicAddresses;
    private final Map<IpAddress, PublicAddress> publics = new HashMap<>();
    private final Map<IpAddress, List<IngressRule>> ingressByIp = new HashMap<>();
    private final Set<String> publicDevices = new TreeSet<>(BY_DEVICE_NUMBER);
    private final List<GuestNic> guests;
    private final Map<IpAddress, GuestNic> guestOf = new HashMap<>();

    IsolatedRender(IsolatedFirewallInput input) {
        this.input = input;
        publicAddresses = SortKeys.sorted(input.publicAddresses(), address -> SortKeys.ipv4(address.ip()));
        for (PublicAddress address : publicAddresses) {
            publics.put(address.ip(), address);
            publicDevices.add(address.device());
        }
        for (IngressRule rule : SortKeys.sorted(input.ingressRules(), IngressRule::id)) {
            ingressByIp.computeIfAbsent(rule.publicIp(), ip -> new ArrayList<>()).add(rule);
        }
        guests = new ArrayList<>(input.guests());
        guests.sort(Comparator.comparing(GuestNic::device, BY_DEVICE_NUMBER));
    }

    IsolatedFirewallInput input() {
        return input;
    }

    RulesetBuilder rules() {
        return rules;
    }

    CidrSets sets() {
        return sets;
    }

    /** Guest interfaces by device number. */
    List<GuestNic> guests() {
        return guests;
    }

    /** Public addresses by address. */
    List<PublicAddress> publicAddresses() {
        return publicAddresses;
    }

    /** The interfaces that hold public addresses, by device number. */
    Set<String> publicDevices() {
        return publicDevices;
    }

    PublicAddress publicAddress(IpAddress ip) {
        return publics.get(ip);
    }

    /** The ingress rules of a public address, by id. */
    List<IngressRule> ingressRules(IpAddress ip) {
        return ingressByIp.getOrDefault(ip, List.of());
    }

    /** The guest interface whose network holds {@code ip} (the input guarantees there is one). */
    GuestNic guestOf(IpAddress ip) {
        return guestOf.computeIfAbsent(ip, address -> {
            for (GuestNic guest : guests) {
                if (guest.network().contains(address)) {
                    return guest;
                }
            }
            throw new IllegalStateException(address + " is in no guest network");
        });
    }

    /** Egress rules by id. */
    List<EgressRule> egressRules() {
        return SortKeys.sorted(input.egressRules(), EgressRule::id);
    }

    /** Port forwards by public address, protocol and first public port. */
    List<PortForward> portForwards() {
        return SortKeys.sorted(input.portForwards(), PortForward::sortKey);
    }

    /** Static NATs by public address. */
    List<StaticNat> staticNats() {
        return SortKeys.sorted(input.staticNats(), nat -> SortKeys.ipv4(nat.publicIp()));
    }

    /** Remote-access VPN servers by public address. */
    List<RemoteAccessVpnOpening> remoteAccessVpns() {
        return SortKeys.sorted(input.remoteAccessVpns(), vpn -> SortKeys.ipv4(vpn.publicIp()));
    }

    /** The guest interfaces that some port forward or static NAT sends traffic into. */
    Set<String> natTargetDevices() {
        Set<String> devices = new LinkedHashSet<>();
        input.portForwards().forEach(forward -> devices.add(guestOf(forward.vmIp()).device()));
        input.staticNats().forEach(nat -> devices.add(guestOf(nat.vmIp()).device()));
        return devices;
    }

    /**
     * The interface NETWORK_STATS counts against: the lowest interface with a source-NAT address,
     * else the lowest public interface.
     */
    Optional<String> statsPublicDevice() {
        return publicAddresses.stream().filter(PublicAddress::sourceNat).map(PublicAddress::device).min(BY_DEVICE_NUMBER)
                .or(() -> publicDevices.stream().findFirst());
    }
}
