package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The difference between the kernel and the desired {@link Addressing}: the steps that close it, in
 * the order they run (deletions, links, additions, routes, rules), and the gratuitous ARPs to send
 * after. Empty when the kernel already matches. Built by {@link AddressPlanner}.
 */
public record AddressPlan(List<AddressStep> steps, List<Announcement> announcements) {
    public AddressPlan {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        announcements = List.copyOf(requireNonNull(announcements, "announcements is null"));
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The input of {@code ip -batch -}: one line per step, each ending in a newline. */
    public String batchText() {
        return steps.stream().map(step -> step.line() + "\n").collect(Collectors.joining());
    }

    /** One line per step ({@code ADD_ADDRESS eth2 203.0.113.20/24}), or "no change". */
    @Override
    public String toString() {
        return steps.isEmpty() ? "no change" : steps.stream().map(AddressStep::toString).collect(Collectors.joining("\n"));
    }
}
