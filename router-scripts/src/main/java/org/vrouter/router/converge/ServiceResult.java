package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a {@link ServiceConverger} reports for a converge that did not fail: its state was already in
 * force, a change was applied, or the service does not apply to this router (with the reason).
 *
 * @param detail one line: what changed, or why the service was skipped; empty when there is nothing to say
 * @param warnings databag entries the service left out, one line each naming the bag, entry and reason
 *     (a rule for an address the router does not hold)
 */
public record ServiceResult(ServiceOutcome.Status status, String detail, List<String> warnings) {
    public ServiceResult {
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (status == ServiceOutcome.Status.FAILED) {
            throw new IllegalArgumentException("a failure is thrown, not returned");
        }
        if (status == ServiceOutcome.Status.SKIPPED && detail.isBlank()) {
            throw new IllegalArgumentException("a skipped service must say why");
        }
    }

    public static ServiceResult unchanged(List<String> warnings) {
        return new ServiceResult(ServiceOutcome.Status.UNCHANGED, "", warnings);
    }

    public static ServiceResult applied(String detail, List<String> warnings) {
        return new ServiceResult(ServiceOutcome.Status.APPLIED, detail, warnings);
    }

    /** The service does not apply to this router now; {@code reason} is shown to the operator. */
    public static ServiceResult skipped(String reason) {
        return new ServiceResult(ServiceOutcome.Status.SKIPPED, reason, List.of());
    }
}
