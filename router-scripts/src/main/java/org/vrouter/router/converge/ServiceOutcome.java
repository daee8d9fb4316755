package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a converge did to one service ({@code firewall}, {@code dnsmasq}, {@code haproxy}...).
 *
 * @param service the service's name
 * @param detail one line: what changed, or why it failed; empty when there is nothing to say
 * @param elapsed time spent on the service
 */
public record ServiceOutcome(String service, Status status, String detail, Duration elapsed) {
    /** The result for one service. */
    public enum Status {
        /** Its rendered state was already in force: nothing touched. */
        UNCHANGED,
        /** A change was applied. */
        APPLIED,
        /** The change could not be applied; the previous state is still in force. */
        FAILED,
        /** Not attempted, because an earlier service failed. */
        SKIPPED
    }

    public ServiceOutcome {
        requireNonNull(service, "service is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(elapsed, "elapsed is null");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service name is blank");
        }
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
