package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

/**
 * What a converge is asked to do.
 *
 * @param databags every bag, as now on disk
 * @param bags the bags the update's inputs merged into (whether or not their content changed: after a
 *     crash the re-run finds the bags already written and must still converge them); {@link BagKey#CMD_LINE}
 *     among them means everything ({@link #everything()}), as CloudStack's boot replay does: every service is
 *     then repaired from the machine's actual state ({@link ServiceConverger#repair})
 */
public record ConvergeRequest(Databags databags, Set<BagKey> bags) {
    public ConvergeRequest {
        requireNonNull(databags, "databags is null");
        requireNonNull(bags, "bags is null");
        bags = bags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bags));
    }

    /** Every service, repaired from the machine's actual state: the boot replay and {@code vrouter verify --repair}. */
    public static ConvergeRequest everything(Databags databags) {
        return new ConvergeRequest(databags, Set.of(BagKey.CMD_LINE));
    }

    /** Whether every service must be converged (the boot arguments were merged). */
    public boolean everything() {
        return bags.contains(BagKey.CMD_LINE);
    }

    /** Whether a service reading {@code inputs} is affected. */
    public boolean affects(Set<BagKey> inputs) {
        return everything() || inputs.stream().anyMatch(bags::contains);
    }
}
