package org.vrouter.router.converge;

import java.io.IOException;
import java.util.Set;

import org.vrouter.api.error.VrouterException;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

/**
 * One service of an {@link OrderedConverger}: renders its part of the databags and applies it when it
 * differs from what is in force.
 */
public interface ServiceConverger {
    /** The service's name in outcomes and logs ({@code firewall}, {@code dnsmasq}). */
    String name();

    /** The bags it renders from; it runs when a request touches one of them. */
    Set<BagKey> inputs();

    /**
     * Brings the service to the state the databags describe, atomically.
     *
     * @return {@link ServiceOutcome.Status#APPLIED} or {@link ServiceOutcome.Status#UNCHANGED}
     * @throws IOException or {@link VrouterException} when the state could not be applied; the previous
     *     state must then still be in force
     */
    ServiceOutcome.Status apply(Databags databags) throws IOException;
}
