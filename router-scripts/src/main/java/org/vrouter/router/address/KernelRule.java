package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

/**
 * A policy rule the kernel holds, of the simple shape {@link PolicyRule} describes (rules with
 * other selectors or actions are not read: they can be neither desired nor the applier's).
 *
 * @param protocol who added it; {@link AddressApplier#PROTOCOL} for the applier
 */
public record KernelRule(PolicyRule rule, int protocol) {
    public KernelRule {
        requireNonNull(rule, "rule is null");
    }

    /** Whether the applier added it, and may therefore delete it. */
    public boolean owned() {
        return protocol == AddressApplier.PROTOCOL;
    }
}
