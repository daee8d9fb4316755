package org.vrouter.router.converge;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one converge: one {@link ServiceOutcome} per service looked at, in apply order. It
 * succeeded when no service failed.
 */
public record ConvergeResult(List<ServiceOutcome> services) {
    public ConvergeResult {
        services = List.copyOf(services);
    }

    public static ConvergeResult of(List<ServiceOutcome> services) {
        return new ConvergeResult(services);
    }

    public boolean success() {
        return services.stream().noneMatch(ServiceOutcome::failed);
    }

    /** The first service that failed. */
    public Optional<ServiceOutcome> firstFailure() {
        return services.stream().filter(ServiceOutcome::failed).findFirst();
    }

    /** The services not attempted, with the reason in their detail. */
    public List<ServiceOutcome> skipped() {
        return services.stream().filter(service -> service.status() == ServiceOutcome.Status.SKIPPED).toList();
    }

    /** How many services had a change applied. */
    public long applied() {
        return services.stream().filter(service -> service.status() == ServiceOutcome.Status.APPLIED).count();
    }
}
