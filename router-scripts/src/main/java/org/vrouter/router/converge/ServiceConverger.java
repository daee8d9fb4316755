package org.vrouter.router.converge;

import java.io.IOException;
import java.util.Set;

import org.vrouter.api.error.VrouterException;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

/**
 * One service of an {@link OrderedConverger} ({@code addresses}, {@code firewall}, {@code dnsmasq},
 * {@code haproxy}): renders its part of the databags and applies it when it differs from what is in
 * force.
 *
 * <p>Contract: {@link #apply} and {@link #repair} change the machine atomically or not at all, so that
 * when they throw the service's previous state is still in force; they never return
 * {@link ServiceOutcome.Status#FAILED}. {@link #render} and {@link #verify} change nothing.
 * A service whose databags do not make a valid input (a rule naming an unknown protocol) throws
 * {@link org.vrouter.api.error.InvalidParameterException} naming the bag and field from every method.
 * Calls are serialised by the converge (one at a time).
 */
public interface ServiceConverger {
    /** The service's name in outcomes and logs ({@code firewall}, {@code dnsmasq}). */
    String name();

    /** The bags it renders from; it runs when a request touches one of them. */
    Set<BagKey> inputs();

    /**
     * The services whose failure in the same converge keeps this one from running (it is then
     * {@link ServiceOutcome.Status#SKIPPED}): a daemon that binds to addresses depends on
     * {@code addresses}. Default: none.
     */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /**
     * Whether what the service applies depends on the router's VRRP state (the VPN initiates its tunnels on
     * the PRIMARY only): a VRRP transition then applies it again once the new state is recorded
     * ({@code RedundancyTransition}), outside any converge but under the router's lock. Default: false.
     */
    default boolean followsRedundantState() {
        return false;
    }

    /**
     * Writes what {@link #apply} left for later ({@link Converger#settle}). Default: nothing.
     *
     * @return whether anything was written
     * @throws IOException if something could not be written
     */
    default boolean settle() throws IOException {
        return false;
    }

    /**
     * Brings the service to the state the databags describe, touching nothing when its rendered input
     * is what it last applied.
     *
     * @return applied, unchanged, or skipped with the reason (the service does not apply to this router)
     * @throws IOException or {@link VrouterException} when the state could not be applied; the previous
     *     state is then still in force
     */
    ServiceResult apply(Databags databags) throws IOException;

    /**
     * {@link #apply} for the bags of {@code request}, which may also say what they were before the update
     * ({@link ConvergeRequest#previous()}), so that the service can clean up what the change made stale.
     * What the converge calls for a request that is not a repair. Default: {@code apply(request.databags())}.
     *
     * @throws IOException or {@link VrouterException} as {@link #apply}
     */
    default ServiceResult apply(ConvergeRequest request) throws IOException {
        return apply(request.databags());
    }

    /**
     * Like {@link #apply}, but starting from the machine's actual state rather than from what was last
     * applied, and starting daemons that should run and do not: the boot path and drift repair.
     *
     * @throws IOException or {@link VrouterException} as {@link #apply}
     */
    ServiceResult repair(Databags databags) throws IOException;

    /** What the service would apply, without touching the machine. */
    ServiceRendering render(Databags databags);

    /**
     * How the machine differs from what the databags describe, read from the machine; changes nothing.
     *
     * @throws IOException if the machine could not be read
     */
    ServiceDrift verify(Databags databags) throws IOException;
}
