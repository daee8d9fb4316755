package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.LoadBalancerRule;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.PortForwardEntry;
import org.vrouter.router.databag.StaticNatEntry;

/**
 * Maps the databags every router type with a public side shares into firewall input: port forwards and
 * static NATs ({@code forwardingrules}) and haproxy openings ({@code loadbalancer}). Pure functions.
 *
 * <p>An entry for a public address the router does not hold (left behind by an address released out of
 * order), or sending traffic outside every guest network or tier, is left out and reported to
 * {@code ignored}, rather than holding back the whole firewall; so is a forward whose source CIDRs are
 * all IPv6. An entry that is invalid in itself is an error naming the bag and entry.
 */
public final class NatInputs {
    private NatInputs() {}

    /**
     * The port forwards in force.
     *
     * @param publics the router's public addresses
     * @param guests its guest networks or tiers
     * @throws InvalidParameterException naming the entry when one is invalid (an unknown protocol)
     */
    public static List<PortForward> portForwards(Databags bags, Set<IpAddress> publics, List<GuestNic> guests,
            Consumer<String> ignored) {
        List<PortForward> forwards = new ArrayList<>();
        for (PortForwardEntry forward : bags.forwardingRules().portForwards()) {
            Optional<String> problem = problem(forward.publicIp(), forward.internalIp(), publics, guests);
            if (problem.isPresent()) {
                ignored.accept(entry(forward) + ": " + problem.get());
                continue;
            }
            Optional<List<Cidr>> sources = CidrLists.ipv4Only(forward.sourceCidrList().map(CidrList::cidrs).orElse(List.of()));
            if (sources.isEmpty()) {
                ignored.accept(entry(forward) + ": source_cidr_list holds only IPv6 networks");
                continue;
            }
            try {
                forwards.add(new PortForward(forward.publicIp(), Protocol.parse("protocol", forward.protocol()), forward.publicPorts(),
                        forward.internalIp(), forward.internalPorts(), sources.get()));
            }
            catch (InvalidParameterException e) {
                throw e.within(entry(forward) + ".");
            }
        }
        return forwards;
    }

    /** How messages name a forward: built only for one, not for each of 10,000 forwards on every converge. */
    private static String entry(PortForwardEntry forward) {
        return "forwardingrules[" + forward.publicIp() + "] " + forward.protocol() + " " + forward.publicPorts().toColonForm();
    }

    /** The static NATs in force; see {@link #portForwards} for the parameters. */
    public static List<StaticNat> staticNats(Databags bags, Set<IpAddress> publics, List<GuestNic> guests, Consumer<String> ignored) {
        List<StaticNat> nats = new ArrayList<>();
        for (StaticNatEntry nat : bags.forwardingRules().staticNats()) {
            Optional<String> problem = problem(nat.publicIp(), nat.internalIp(), publics, guests);
            if (problem.isPresent()) {
                ignored.accept("forwardingrules[" + nat.publicIp() + "] staticnat: " + problem.get());
            }
            else {
                nats.add(new StaticNat(nat.publicIp(), nat.internalIp()));
            }
        }
        return nats;
    }

    /**
     * An opening per {@code add_rules} and {@code stat_rules} entry of the {@code loadbalancer} bag.
     *
     * @throws InvalidParameterException naming the entry when one is not {@code <ip>:<port>:...}
     */
    public static List<LoadBalancerOpening> loadBalancers(Databags bags) {
        List<LoadBalancerOpening> openings = new ArrayList<>();
        List<LoadBalancerRule> rules = bags.loadBalancer().rules();
        for (int r = 0; r < rules.size(); r++) {
            LoadBalancerRule rule = rules.get(r);
            for (int i = 0; i < rule.addRules().size(); i++) {
                openings.add(LoadBalancerOpening.parseListener("loadbalancer[" + r + "].add_rules[" + i + "]", rule.addRules().get(i)));
            }
            for (int i = 0; i < rule.statRules().size(); i++) {
                openings.add(LoadBalancerOpening.parseStats("loadbalancer[" + r + "].stat_rules[" + i + "]", rule.statRules().get(i)));
            }
        }
        return openings;
    }

    private static Optional<String> problem(IpAddress publicIp, IpAddress internalIp, Set<IpAddress> publics, List<GuestNic> guests) {
        if (!publics.contains(publicIp)) {
            return Optional.of("not an address of this router");
        }
        if (guests.stream().noneMatch(guest -> guest.network().contains(internalIp))) {
            return Optional.of("internal_ip " + internalIp + " is in no guest network of this router");
        }
        return Optional.empty();
    }
}
