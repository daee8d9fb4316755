package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What a converge did to one service ({@code firewall}, {@code dnsmasq}, {@code haproxy}...).
 *
 * @param service the service's name
 * @param detail one line: what changed, or why it failed; empty when there is nothing to say
 * @param elapsed time spent on the service
 * @param warnings databag entries the service left out, one line each (see {@link ServiceResult#warnings()})
 */
public record ServiceOutcome(String service, Status status, String detail, Duration elapsed, List<String> warnings) {
    /** The result for one service. */
    public enum Status {
        /** Its rendered state was already in force: nothing touched. */
        UNCHANGED,
        /** A change was applied. */
        APPLIED,
        /** The change could not be applied; the previous state is still in force. */
        FAILED,
        /**
         * Not attempted: the service does not apply to this router (a VPC router's firewall, for now), or
         * a service it depends on failed. The detail says which.
         */
        SKIPPED
    }

    public ServiceOutcome {
        requireNonNull(service, "service is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(elapsed, "elapsed is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (service.isBlank()) {
            throw new IllegalArgumentException("service name is blank");
        }
    }

    /** An outcome without warnings. */
    public ServiceOutcome(String service, Status status, String detail, Duration elapsed) {
        this(service, status, detail, elapsed, List.of());
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
