package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.VrouterException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.router.databag.Databags;

/**
 * A {@link RouterConverger} that runs services in a fixed dependency order (addresses, firewall,
 * daemons): each service whose inputs the request touches, or all of them, repaired from the machine,
 * for a boot replay ({@link ConvergeRequest#everything()}).
 *
 * <p>Failures: a failed service keeps its previous state (its contract) and does not stop the others,
 * so one rejected configuration never holds back unrelated services: a haproxy configuration that
 * {@code haproxy -c} refuses still lets dnsmasq serve a new VM. Only a service that declares a
 * dependency on the failed one ({@link ServiceConverger#dependsOn()}) is not attempted and is reported
 * {@link ServiceOutcome.Status#SKIPPED}: a daemon is never (re)started against addresses that are
 * known not to be in place. The firewall depends on nothing: the kernel accepts rules for addresses
 * and interfaces it does not hold, and a revoked rule must go even when an address change failed.
 *
 * <p>Metrics: timer {@value #DURATION} per converge, timer {@value #SERVICE_DURATION} per service run
 * (tags {@code service} and {@code result}: the outcome's status in lower case).
 */
public final class OrderedConverger implements RouterConverger {
    static final String DURATION = "vrouter.converge.duration";
    static final String SERVICE_DURATION = "vrouter.converge.service.duration";
    private static final Logger log = LoggerFactory.getLogger(OrderedConverger.class);

    private final List<ServiceConverger> services;
    private final Clock clock;
    private final Metrics metrics;

    /**
     * @param services in apply order; each dependency must come before the service that declares it
     * @throws IllegalArgumentException if two services share a name or a dependency is not an earlier service
     */
    public OrderedConverger(List<ServiceConverger> services, Clock clock, Metrics metrics) {
        this.services = List.copyOf(services);
        this.clock = requireNonNull(clock, "clock is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        Set<String> earlier = new HashSet<>();
        for (ServiceConverger service : this.services) {
            for (String dependency : service.dependsOn()) {
                if (!earlier.contains(dependency)) {
                    throw new IllegalArgumentException("service " + service.name() + " depends on " + dependency
                            + ", which is not an earlier service");
                }
            }
            if (!earlier.add(service.name())) {
                throw new IllegalArgumentException("two services share a name: " + service.name());
            }
        }
    }

    /** A converger whose measurements are discarded. */
    public OrderedConverger(List<ServiceConverger> services, Clock clock) {
        this(services, clock, Metrics.NOOP);
    }

    /** The services' names, in apply order. */
    public List<String> serviceNames() {
        return services.stream().map(ServiceConverger::name).toList();
    }

    @Override
    public List<ServiceConverger> redundantStateFollowers() {
        return services.stream().filter(ServiceConverger::followsRedundantState).toList();
    }

    @Override
    public ConvergeResult converge(ConvergeRequest request) {
        Instant start = clock.instant();
        List<ServiceOutcome> outcomes = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (ServiceConverger service : services) {
            if (!request.affects(service.inputs())) {
                continue;
            }
            List<String> failedDependencies = service.dependsOn().stream().filter(failed::contains).sorted().toList();
            ServiceOutcome outcome = failedDependencies.isEmpty()
                    ? run(service, request)
                    : new ServiceOutcome(service.name(), ServiceOutcome.Status.SKIPPED,
                            "not attempted: " + String.join(", ", failedDependencies) + " failed", Duration.ZERO);
            if (outcome.failed()) {
                failed.add(service.name());
            }
            metrics.timer(SERVICE_DURATION, Map.of("service", service.name(), "result", outcome.status().name().toLowerCase(Locale.ROOT)))
                    .record(outcome.elapsed());
            outcomes.add(outcome);
        }
        ConvergeResult result = ConvergeResult.of(outcomes);
        Duration elapsed = Duration.between(start, clock.instant());
        metrics.timer(DURATION).record(elapsed);
        log.info("converge done: {} services, {} applied, {} failed, {} ms", outcomes.size(), result.applied(), failed.size(),
                elapsed.toMillis());
        return result;
    }

    /** Settles every service, in order; the first failure ends it (what is left stays for the next settle). */
    @Override
    public boolean settle() throws IOException {
        boolean wrote = false;
        for (ServiceConverger service : services) {
            wrote |= service.settle();
        }
        return wrote;
    }

    @Override
    public List<ServiceRendering> render(Databags databags) {
        List<ServiceRendering> renderings = new ArrayList<>();
        for (ServiceConverger service : services) {
            try {
                renderings.add(service.render(databags));
            }
            catch (VrouterException e) {
                renderings.add(ServiceRendering.failed(service.name(), oneLine(e.getMessage())));
            }
        }
        return renderings;
    }

    @Override
    public List<ServiceDrift> verify(Databags databags) {
        List<ServiceDrift> drifts = new ArrayList<>();
        for (ServiceConverger service : services) {
            try {
                drifts.add(service.verify(databags));
            }
            catch (IOException | VrouterException e) {
                log.warn("service {} could not be verified", service.name(), e);
                drifts.add(ServiceDrift.failed(service.name(), oneLine(e.getMessage())));
            }
        }
        return drifts;
    }

    private ServiceOutcome run(ServiceConverger service, ConvergeRequest request) {
        Instant start = clock.instant();
        try {
            ServiceResult result = request.everything() ? service.repair(request.databags()) : service.apply(request);
            requireNonNull(result, "result is null");
            if (result.status() == ServiceOutcome.Status.SKIPPED) {
                log.warn("service {} skipped: {}", service.name(), result.detail());
            }
            result.warnings().forEach(warning -> log.warn("service {}: {}", service.name(), warning));
            return new ServiceOutcome(service.name(), result.status(), result.detail(), Duration.between(start, clock.instant()),
                    result.warnings());
        }
        catch (IOException | VrouterException e) {
            log.error("service {} failed to converge; its previous state is still in force", service.name(), e);
            return new ServiceOutcome(service.name(), ServiceOutcome.Status.FAILED, oneLine(e.getMessage()),
                    Duration.between(start, clock.instant()));
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
