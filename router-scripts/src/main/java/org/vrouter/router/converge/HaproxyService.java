package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.lb.HaproxyApplier;
import org.vrouter.router.lb.HaproxyReport;
import org.vrouter.router.lb.LoadBalancerInput;
import org.vrouter.router.lb.LoadBalancerInputs;
import org.vrouter.router.service.ServiceAction;

/**
 * The {@code haproxy} service: the load balancer configuration the management server rendered
 * ({@link LoadBalancerInputs}), checked with {@code haproxy -c} and installed with a seamless reload by
 * {@link HaproxyApplier}; no configuration stops haproxy. Repair also starts haproxy when it is
 * configured and not running.
 */
final class HaproxyService extends InputService<LoadBalancerInput> {
    static final String NAME = "haproxy";

    private final HaproxyApplier applier;

    HaproxyService(HaproxyApplier applier, Set<String> dependsOn) {
        super(NAME, Set.of(BagKey.LOAD_BALANCER), dependsOn);
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    DesiredInput<LoadBalancerInput> desired(Databags databags) {
        return DesiredInput.of(LoadBalancerInputs.from(databags), List.of());
    }

    @Override
    Optional<String> applyInput(LoadBalancerInput input) throws IOException {
        return describe(applier.apply(input), ServiceAction.UNCHANGED);
    }

    @Override
    Optional<String> repairInput(LoadBalancerInput input) throws IOException {
        HaproxyReport report = applier.apply(input);
        return describe(report, applier.ensureRunning());
    }

    @Override
    Map<String, String> files(LoadBalancerInput input) {
        return input.isEmpty() ? Map.of() : Map.of(HaproxyApplier.CONFIG_PATH, applier.render(input));
    }

    @Override
    List<String> differences(LoadBalancerInput input) throws IOException {
        return applier.verify(input);
    }

    private static Optional<String> describe(HaproxyReport report, ServiceAction started) {
        if (report.changed()) {
            return Optional.of(HaproxyApplier.CONFIG_PATH + ": haproxy " + DnsmasqService.action(report.action()));
        }
        return started == ServiceAction.UNCHANGED ? Optional.empty() : Optional.of("haproxy was not running: started");
    }
}
