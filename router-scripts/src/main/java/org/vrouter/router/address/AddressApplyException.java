package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.stream.Collectors;

import org.vrouter.api.error.VrouterException;

/**
 * The kernel refused some steps of an address plan. The others were applied (each step is
 * independent of a failed one, or fails too); {@link #report()} says which. The message names the
 * device and address, route or rule of each failure. The next apply reads the kernel again and
 * plans what is still missing.
 */
public class AddressApplyException extends VrouterException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 5;

    private final transient AddressReport report;

    AddressApplyException(AddressReport report) {
        super(Category.OPERATION_FAILED, message(requireNonNull(report, "report is null")));
        this.report = report;
    }

    private static String message(AddressReport report) {
        String shown = report.failures().stream().limit(SHOWN).map(StepFailure::toString).collect(Collectors.joining("; "));
        int more = report.failures().size() - SHOWN;
        return "addresses and routes: " + report.failures().size() + " of " + report.plan().steps().size() + " changes failed: "
                + shown + (more > 0 ? "; and " + more + " more" : "");
    }

    /** What was applied and what failed. */
    public AddressReport report() {
        return report;
    }
}
