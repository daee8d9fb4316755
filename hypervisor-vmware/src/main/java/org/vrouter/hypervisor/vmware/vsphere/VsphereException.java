package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;

/**
 * A vSphere call that did not do what was asked: a fault from vCenter (bad login, a failed task,
 * a missing object), a task that outlived its bound, or a connection problem. The message says
 * what was attempted and why it failed, with the fault's own message when vCenter gave one; the
 * router resource puts it into the failed answer as it is.
 */
public class VsphereException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fault;

    /**
     * @param fault the vSphere fault type ({@code InvalidLogin}, {@code FileNotFound}...), empty
     *     when the failure is not a vSphere fault (time-out, object not found by name)
     */
    public VsphereException(String message, Optional<String> fault) {
        super(requireNonNull(message, "message is null"));
        this.fault = requireNonNull(fault, "fault is null").orElse(null);
    }

    public VsphereException(String message, Optional<String> fault, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.fault = requireNonNull(fault, "fault is null").orElse(null);
    }

    /** The vSphere fault type, when vCenter reported one. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }
}
