package org.vrouter.hypervisor.kvm.libvirt;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.VrouterException;

/**
 * A libvirt call failed: names the operation ({@code domainCreateXML}, {@code shutdown}...), the
 * domain, and carries libvirt's own message and error code ({@code VIR_ERR_NO_DOMAIN}...).
 * The resource turns it into a failed answer whose details are {@link #getMessage()}.
 */
public final class LibvirtOperationException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String domain;
    private final String errorCode;

    public LibvirtOperationException(String operation, String domain, String errorCode, String libvirtMessage, Throwable cause) {
        super(Category.OPERATION_FAILED, "libvirt " + operation + " of domain " + domain + " failed: " + libvirtMessage
                + (errorCode.isEmpty() ? "" : " (" + errorCode + ")"), cause);
        this.operation = requireNonNull(operation, "operation is null");
        this.domain = requireNonNull(domain, "domain is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public String operation() {
        return operation;
    }

    public String domain() {
        return domain;
    }

    /** libvirt's error code name ({@code VIR_ERR_NO_DOMAIN}), when libvirt gave one. */
    public Optional<String> errorCode() {
        return errorCode.isEmpty() ? Optional.empty() : Optional.of(errorCode);
    }
}
