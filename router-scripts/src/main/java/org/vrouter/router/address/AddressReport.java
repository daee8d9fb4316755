package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one {@link AddressApplier#apply} did: the plan, the steps the kernel accepted, the ones it
 * refused, the gratuitous ARPs sent, and the desired devices the kernel does not have (NICs not
 * plugged yet), which were left out.
 */
public record AddressReport(AddressPlan plan, List<AddressStep> applied, List<StepFailure> failures, List<Announcement> announced,
        List<String> absentDevices) {
    public AddressReport {
        requireNonNull(plan, "plan is null");
        applied = List.copyOf(requireNonNull(applied, "applied is null"));
        failures = List.copyOf(requireNonNull(failures, "failures is null"));
        announced = List.copyOf(requireNonNull(announced, "announced is null"));
        absentDevices = List.copyOf(requireNonNull(absentDevices, "absentDevices is null"));
    }

    /** Whether every desired device was there, so the kernel now holds the whole addressing (when it succeeded). */
    public boolean complete() {
        return absentDevices.isEmpty();
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
                + announced.size() + " announced" + (absentDevices.isEmpty() ? "" : ", " + String.join(", ", absentDevices)
                + " not plugged yet: left out");
    }
}
