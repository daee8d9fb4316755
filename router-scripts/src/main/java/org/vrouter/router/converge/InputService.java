package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

/**
 * A {@link ServiceConverger} driven by one input value mapped from the databags (the firewall's
 * {@code IsolatedFirewallInput}, dnsmasq's {@code DhcpInput}...), with what every such service shares:
 * the skip when the service does not apply to this router, and the skip of an input equal to the one
 * this process last applied successfully, so a long-lived router renders and touches nothing for an
 * unchanged service. (A fresh process has no memory; the appliers then compare with the machine's files
 * themselves.) A failed apply forgets the input, so the next converge tries again.
 */
abstract class InputService<I> implements ServiceConverger {
    private final String name;
    private final Set<BagKey> inputs;
    private final Set<String> dependsOn;
    /** The input last applied successfully by this process; empty after a failure or before the first apply. */
    private Optional<I> applied = Optional.empty();

    InputService(String name, Set<BagKey> inputs, Set<String> dependsOn) {
        this.name = requireNonNull(name, "name is null");
        this.inputs = Set.copyOf(inputs);
        this.dependsOn = Set.copyOf(dependsOn);
    }

    /** The service's input, or why it does not apply; pure. */
    abstract DesiredInput<I> desired(Databags databags);

    /** Applies the input; a description of what changed, or empty when nothing did. */
    abstract Optional<String> applyInput(I input) throws IOException;

    /** Applies the input starting from the machine's actual state; as {@link #applyInput}. */
    abstract Optional<String> repairInput(I input) throws IOException;

    /** The files the input renders to (router path to content), for {@code vrouter render}. */
    abstract Map<String, String> files(I input);

    /** How the machine differs from the input, one line each. */
    abstract List<String> differences(I input) throws IOException;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<BagKey> inputs() {
        return inputs;
    }

    @Override
    public final Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public final synchronized ServiceResult apply(Databags databags) throws IOException {
        DesiredInput<I> desired = desired(databags);
        if (desired.input().isEmpty()) {
            return ServiceResult.skipped(desired.skipReason());
        }
        if (applied.equals(desired.input())) {
            return ServiceResult.unchanged(desired.warnings());
        }
        return record(desired, applyInput(forget(desired)));
    }

    @Override
    public final synchronized ServiceResult repair(Databags databags) throws IOException {
        DesiredInput<I> desired = desired(databags);
        if (desired.input().isEmpty()) {
            return ServiceResult.skipped(desired.skipReason());
        }
        return record(desired, repairInput(forget(desired)));
    }

    @Override
    public final ServiceRendering render(Databags databags) {
        DesiredInput<I> desired = desired(databags);
        return desired.input()
                .map(input -> ServiceRendering.rendered(name, String.join("; ", desired.warnings()), files(input)))
                .orElseGet(() -> ServiceRendering.skipped(name, desired.skipReason()));
    }

    @Override
    public final ServiceDrift verify(Databags databags) throws IOException {
        DesiredInput<I> desired = desired(databags);
        if (desired.input().isEmpty()) {
            return ServiceDrift.skipped(name, desired.skipReason());
        }
        return ServiceDrift.of(name, differences(desired.input().get()));
    }

    /** Forgets the applied input before the machine changes, so that a failure leaves nothing to trust. */
    private I forget(DesiredInput<I> desired) {
        applied = Optional.empty();
        return desired.input().orElseThrow();
    }

    private ServiceResult record(DesiredInput<I> desired, Optional<String> change) {
        applied = desired.input();
        return change.map(detail -> ServiceResult.applied(detail, desired.warnings()))
                .orElseGet(() -> ServiceResult.unchanged(desired.warnings()));
    }
}
