package org.vrouter.router.address;

/** What an {@link AddressStep} does, in the order a plan runs them. */
public enum StepKind {
    /** Delete a policy rule the applier added that is no longer desired. */
    DELETE_RULE,
    /** Delete a route the applier added that is no longer desired. */
    DELETE_ROUTE,
    /** Delete an address no longer desired from a managed device. */
    DELETE_ADDRESS,
    SET_MTU,
    SET_LINK_UP,
    SET_LINK_DOWN,
    ADD_ADDRESS,
    /**
     * Put back an address the kernel drops with the primary address of its subnet (when
     * {@code promote_secondaries} is off), or an IPv6 address it drops when the link goes down; a
     * no-op when it survived.
     */
    RESTORE_ADDRESS,
    /** Add a missing route or replace one whose type, gateway or device differs. */
    REPLACE_ROUTE,
    /** Replace a desired route the kernel may drop with a deleted address of its device; a no-op when it survived. */
    REFRESH_ROUTE,
    ADD_RULE
}
