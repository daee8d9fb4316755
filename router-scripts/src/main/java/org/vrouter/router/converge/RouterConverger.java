package org.vrouter.router.converge;

import java.util.List;

import org.vrouter.router.databag.Databags;

/**
 * The router's converger with its inspection side: besides {@link #converge}, what every service would
 * get from the databags ({@code vrouter render}) and how the machine differs from it
 * ({@code vrouter verify}). {@link OrderedConverger} is the implementation; the CLI and the update
 * pipeline call it, one call at a time.
 */
public interface RouterConverger extends Converger {
    /** Every service's rendering, in service order; pure: nothing is read from or written to the machine. */
    List<ServiceRendering> render(Databags databags);

    /**
     * Every service's drift, in service order. Reads the machine, changes nothing; a service that
     * cannot be read is reported {@link ServiceDrift.State#FAILED}, never thrown.
     */
    List<ServiceDrift> verify(Databags databags);

    /**
     * The services that follow the VRRP state ({@link ServiceConverger#followsRedundantState}), in service
     * order: what a VRRP transition applies after the addresses. Default: none.
     */
    default List<ServiceConverger> redundantStateFollowers() {
        return List.of();
    }
}
