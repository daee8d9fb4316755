package org.vrouter.hypervisor.xen.xapi;

import java.util.ArrayList;
import java.util.List;

/**
 * A XenAPI error as the test server raises it from a call handler: the code and its parameters,
 * sent as {@code {Status: "Failure", ErrorDescription: [code, params...]}}.
 */
final class XapiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> description;

    XapiError(String code, String... parameters) {
        super(code + " " + List.of(parameters));
        List<String> all = new ArrayList<>();
        all.add(code);
        all.addAll(List.of(parameters));
        this.description = List.copyOf(all);
    }

    /** {@code [code, params...]}. */
    List<String> description() {
        return description;
    }

    static XapiError handleInvalid(String xapiClass, String ref) {
        return new XapiError("HANDLE_INVALID", xapiClass, ref);
    }

    static XapiError fieldTypeError(String field) {
        return new XapiError("FIELD_TYPE_ERROR", field);
    }
}
