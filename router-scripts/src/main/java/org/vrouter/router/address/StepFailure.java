package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

/** A step the kernel refused, with {@code ip}'s message ({@code Error: ipv4: Address not found.}). */
public record StepFailure(AddressStep step, String message) {
    public StepFailure {
        requireNonNull(step, "step is null");
        requireNonNull(message, "message is null");
    }

    /** {@code eth2 203.0.113.20/24: Error: ...}: the device and the address first. */
    @Override
    public String toString() {
        return step.target() + ": " + message;
    }
}
