package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one {@link AddressApplier#apply} did: the plan, the steps the kernel accepted, the ones it
 * refused, and the gratuitous ARPs sent.
 */
public record AddressReport(AddressPlan plan, List<AddressStep> applied, List<StepFailure> failures, List<Announcement> announced) {
    public AddressReport {
        requireNonNull(plan, "plan is null");
        applied = List.copyOf(requireNonNull(applied, "applied is null"));
        failures = List.copyOf(requireNonNull(failures, "failures is null"));
        announced = List.copyOf(requireNonNull(announced, "announced is null"));
    }

    /** Whether anything was written to the kernel (false: only the read ran). */
    public boolean changed() {
        return !applied.isEmpty();
    }

    public boolean succeeded() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        return plan.steps().size() + " steps planned, " + applied.size() + " applied, " + failures.size() + " failed, "
                + announced.size() + " announced";
    }
}
