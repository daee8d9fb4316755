package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.vrouter.api.net.Cidr;

/**
 * Computes the {@link AddressPlan} that takes the kernel to the desired {@link Addressing}: a pure
 * function, no I/O.
 *
 * <p>What it may change: on a managed device, every address except IPv6 link-local ones, dynamic
 * ones and the device's unmanaged ones; its MTU (when one is given) and link state. Any route or
 * rule the desired state names, whoever added the kernel's current one. Routes and rules it
 * deletes are only those tagged with {@link AddressApplier#PROTOCOL}, i.e. added by the applier.
 *
 * <p>Order: rule and route deletions, then address deletions (secondary addresses before the
 * primary of their subnet, so none is deleted twice), then MTU and link state, then addresses in
 * the desired order (the first of an IPv4 subnet becomes its primary), then routes, then rules.
 * Deleting an IPv4 primary address makes the kernel drop the secondaries of its subnet (unless
 * {@code promote_secondaries} is on) and every route through a device losing an IPv4 address may
 * go with it, so the plan puts back such addresses and desired routes with idempotent
 * {@code replace} lines. Taking a link down drops its IPv6 addresses (unless
 * {@code keep_addr_on_down} is set), so the plan puts those back too, after the link change.
 */
public final class AddressPlanner {
    private final Addressing desired;
    private final KernelState kernel;
    private final List<AddressStep> ruleDeletions = new ArrayList<>();
    private final List<AddressStep> routeDeletions = new ArrayList<>();
    private final List<AddressStep> addressDeletions = new ArrayList<>();
    private final List<AddressStep> linkChanges = new ArrayList<>();
    private final List<AddressStep> addressAdditions = new ArrayList<>();
    private final List<AddressStep> routeReplacements = new ArrayList<>();
    private final List<AddressStep> ruleAdditions = new ArrayList<>();
    private final List<Announcement> announcements = new ArrayList<>();
    /** Devices whose IPv4 routes the kernel may drop because an IPv4 address of theirs is deleted. */
    private final Set<String> losingIpv4 = new HashSet<>();

    private AddressPlanner(Addressing desired, KernelState kernel) {
        this.desired = requireNonNull(desired, "desired is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    /** The steps that take {@code kernel} to {@code desired}; empty when it is there already. */
    public static AddressPlan plan(Addressing desired, KernelState kernel) {
        return new AddressPlanner(desired, kernel).build();
    }

    private AddressPlan build() {
        deleteRules();
        deleteRoutes();
        Map<String, KernelLink> links = kernel.linksByName();
        for (InterfaceAddresses device : desired.interfaces()) {
            Optional<KernelLink> link = Optional.ofNullable(links.get(device.device()));
            boolean goingDown = link.isPresent() && link.get().up() && !device.up();
            planAddresses(device, link.map(KernelLink::addresses).orElse(List.of()), goingDown);
            planLink(device, link);
        }
        replaceRoutes();
        addRules();
        List<AddressStep> steps = Stream.of(ruleDeletions, routeDeletions, addressDeletions, linkChanges, addressAdditions,
                routeReplacements, ruleAdditions).flatMap(List::stream).toList();
        return new AddressPlan(steps, announcements);
    }

    private void deleteRules() {
        Set<PolicyRule> wanted = Set.copyOf(desired.rules());
        for (KernelRule rule : kernel.rules()) {
            if (rule.owned() && !wanted.contains(rule.rule())) {
                ruleDeletions.add(ruleStep(StepKind.DELETE_RULE, "del", rule.rule()));
            }
        }
    }

    private void addRules() {
        Set<PolicyRule> present = new HashSet<>();
        kernel.rules().forEach(rule -> present.add(rule.rule()));
        for (PolicyRule rule : desired.rules()) {
            if (!present.contains(rule)) {
                ruleAdditions.add(ruleStep(StepKind.ADD_RULE, "add", rule));
            }
        }
    }

    private static AddressStep ruleStep(StepKind kind, String verb, PolicyRule rule) {
        List<String> words = new ArrayList<>(List.of("rule", verb));
        words.addAll(rule.arguments());
        words.addAll(List.of("protocol", Integer.toString(AddressApplier.PROTOCOL)));
        return new AddressStep(kind, "rule " + rule, words);
    }

    private void deleteRoutes() {
        Set<RouteKey> wanted = new HashSet<>();
        desired.routes().forEach(route -> wanted.add(route.key()));
        for (KernelRoute route : kernel.routes()) {
            if (route.owned() && !wanted.contains(route.key())) {
                routeDeletions.add(new AddressStep(StepKind.DELETE_ROUTE, "route " + route,
                        List.of("route", "del", route.destination().toString(), "table", Integer.toString(route.table()),
                                "metric", Long.toString(route.metric()), "proto", Integer.toString(AddressApplier.PROTOCOL))));
            }
        }
    }

    private void replaceRoutes() {
        Map<RouteKey, List<KernelRoute>> present = new HashMap<>();
        kernel.routes().forEach(route -> present.computeIfAbsent(route.key(), key -> new ArrayList<>()).add(route));
        for (Route route : desired.routes()) {
            Optional<KernelRoute> match = present.getOrDefault(route.key(), List.of()).stream()
                    .filter(candidate -> candidate.satisfies(route)).findFirst();
            if (match.isEmpty()) {
                routeReplacements.add(routeStep(StepKind.REPLACE_ROUTE, route));
            }
            else if (route.destination().isIpv4() && match.get().device().filter(losingIpv4::contains).isPresent()) {
                routeReplacements.add(routeStep(StepKind.REFRESH_ROUTE, route));
            }
        }
    }

    private static AddressStep routeStep(StepKind kind, Route route) {
        List<String> words = new ArrayList<>(List.of("route", "replace"));
        words.addAll(route.arguments());
        words.addAll(List.of("proto", Integer.toString(AddressApplier.PROTOCOL)));
        return new AddressStep(kind, "route " + route, words);
    }

    private void planAddresses(InterfaceAddresses device, List<KernelAddress> present, boolean goingDown) {
        Set<Cidr> wanted = Set.copyOf(device.addresses());
        List<KernelAddress> doomed = present.stream()
                .filter(address -> owned(device, address) && !wanted.contains(address.cidr()))
                .sorted(Comparator.comparing(address -> !address.secondary()))
                .toList();
        for (KernelAddress address : doomed) {
            addressDeletions.add(addressStep(StepKind.DELETE_ADDRESS, "del", device.device(), address.cidr()));
            if (address.cidr().isIpv4()) {
                losingIpv4.add(device.device());
            }
        }
        Set<Cidr> endangered = endangered(present, doomed);
        Set<Cidr> configured = new HashSet<>();
        present.forEach(address -> configured.add(address.cidr()));
        for (Cidr cidr : device.addresses()) {
            if (!configured.contains(cidr)) {
                AddressStep step = addressStep(StepKind.ADD_ADDRESS, "replace", device.device(), cidr);
                addressAdditions.add(step);
                if (cidr.isIpv4() && device.announcesAddresses()) {
                    announcements.add(new Announcement(device.device(), cidr.address(), step));
                }
            }
            else if (endangered.remove(cidr) || (goingDown && !cidr.isIpv4())) {
                addressAdditions.add(addressStep(StepKind.RESTORE_ADDRESS, "replace", device.device(), cidr));
            }
        }
        // what is left belongs to someone else (an unmanaged address): put it back as it was
        for (Cidr cidr : endangered) {
            addressAdditions.add(addressStep(StepKind.RESTORE_ADDRESS, "replace", device.device(), cidr));
        }
    }

    /** The secondary IPv4 addresses that are kept but may vanish with a deleted primary of their subnet, in kernel order. */
    private static Set<Cidr> endangered(List<KernelAddress> present, List<KernelAddress> doomed) {
        Set<Cidr> endangered = new LinkedHashSet<>();
        for (KernelAddress primary : doomed) {
            if (primary.secondary() || !primary.cidr().isIpv4()) {
                continue;
            }
            Cidr subnet = primary.cidr().network();
            for (KernelAddress address : present) {
                if (address.secondary() && !doomed.contains(address) && address.cidr().prefixLength() == subnet.prefixLength()
                        && subnet.contains(address.cidr().address())) {
                    endangered.add(address.cidr());
                }
            }
        }
        return endangered;
    }

    private static boolean owned(InterfaceAddresses device, KernelAddress address) {
        return !address.isIpv6LinkLocal() && !address.dynamic() && !device.unmanaged().contains(address.cidr().address());
    }

    private static AddressStep addressStep(StepKind kind, String verb, String device, Cidr cidr) {
        List<String> words = new ArrayList<>(List.of("address", verb, cidr.toString()));
        if (!verb.equals("del") && cidr.isIpv4() && cidr.prefixLength() <= 30) {
            words.addAll(List.of("brd", "+"));
        }
        words.addAll(List.of("dev", device));
        return new AddressStep(kind, device + " " + cidr, words);
    }

    private void planLink(InterfaceAddresses device, Optional<KernelLink> link) {
        String name = device.device();
        if (device.mtu().isPresent() && (link.isEmpty() || link.get().mtu() != device.mtu().getAsInt())) {
            String mtu = Integer.toString(device.mtu().getAsInt());
            linkChanges.add(new AddressStep(StepKind.SET_MTU, name + " mtu " + mtu, List.of("link", "set", "dev", name, "mtu", mtu)));
        }
        if (link.isEmpty() || link.get().up() != device.up()) {
            String state = device.up() ? "up" : "down";
            linkChanges.add(new AddressStep(device.up() ? StepKind.SET_LINK_UP : StepKind.SET_LINK_DOWN, name + " " + state,
                    List.of("link", "set", "dev", name, state)));
        }
    }
}
