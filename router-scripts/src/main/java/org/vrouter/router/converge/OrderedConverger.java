package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.VrouterException;

/**
 * A {@link Converger} that runs services in a fixed dependency order (addresses, routes, firewall,
 * daemons): each service whose inputs the request touches, or all of them for a boot replay. The first
 * failure stops the run, since later services may depend on the failed one; they are reported
 * {@link ServiceOutcome.Status#SKIPPED}.
 */
public final class OrderedConverger implements Converger {
    private static final Logger log = LoggerFactory.getLogger(OrderedConverger.class);

    private final List<ServiceConverger> services;
    private final Clock clock;

    public OrderedConverger(List<ServiceConverger> services, Clock clock) {
        this.services = List.copyOf(services);
        this.clock = requireNonNull(clock, "clock is null");
        if (this.services.stream().map(ServiceConverger::name).distinct().count() != this.services.size()) {
            throw new IllegalArgumentException("two services share a name: " + this.services.stream().map(ServiceConverger::name).toList());
        }
    }

    @Override
    public ConvergeResult converge(ConvergeRequest request) {
        Instant start = clock.instant();
        List<ServiceOutcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (ServiceConverger service : services) {
            if (!request.affects(service.inputs())) {
                continue;
            }
            if (failed) {
                outcomes.add(new ServiceOutcome(service.name(), ServiceOutcome.Status.SKIPPED, "an earlier service failed", Duration.ZERO));
                continue;
            }
            ServiceOutcome outcome = apply(service, request);
            failed = outcome.failed();
            outcomes.add(outcome);
        }
        ConvergeResult result = ConvergeResult.of(outcomes);
        log.info("converge done: {} services, {} applied, success {}, {} ms", outcomes.size(), result.applied(), result.success(),
                Duration.between(start, clock.instant()).toMillis());
        return result;
    }

    private ServiceOutcome apply(ServiceConverger service, ConvergeRequest request) {
        Instant start = clock.instant();
        try {
            ServiceOutcome.Status status = requireNonNull(service.apply(request.databags()), "status is null");
            if (status != ServiceOutcome.Status.APPLIED && status != ServiceOutcome.Status.UNCHANGED) {
                throw new IllegalStateException("service " + service.name() + " returned " + status);
            }
            return new ServiceOutcome(service.name(), status, "", Duration.between(start, clock.instant()));
        }
        catch (IOException | VrouterException e) {
            log.error("service {} failed to converge", service.name(), e);
            return new ServiceOutcome(service.name(), ServiceOutcome.Status.FAILED, oneLine(e.getMessage()), Duration.between(start, clock.instant()));
        }
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
