package org.vrouter.hypervisor.xen.session;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A XenAPI call that failed: the call's wire name ({@code VM.start}), the XenAPI error code
 * ({@code VM_BAD_POWER_STATE}, or {@link #TRANSPORT} / {@link #TIMEOUT} when no answer came) and
 * the error's parameters, as the host sent them. The message reads
 * {@code VM.start: VM_BAD_POWER_STATE [OpaqueRef:..., halted, running]}.
 */
public final class XenCallException extends XenException {
    private static final long serialVersionUID = 1L;
    /** The host could not be reached or answered something that is not XenAPI. */
    public static final String TRANSPORT = "TRANSPORT";
    /** A task did not finish within its bound. */
    public static final String TIMEOUT = "TIMEOUT";

    private final String call;
    private final String code;
    private final List<String> parameters;

    public XenCallException(String call, String code, List<String> parameters, Throwable cause) {
        super(call + ": " + code + (parameters.isEmpty() ? "" : " " + parameters), cause);
        this.call = requireNonNull(call, "call is null");
        this.code = requireNonNull(code, "code is null");
        this.parameters = List.copyOf(parameters);
    }

    public XenCallException(String call, String code, List<String> parameters) {
        this(call, code, parameters, null);
    }

    /** The wire name of the call, {@code VM.create}. */
    public String call() {
        return call;
    }

    /** The XenAPI error code, {@code HANDLE_INVALID}. */
    public String code() {
        return code;
    }

    public List<String> parameters() {
        return parameters;
    }
}
