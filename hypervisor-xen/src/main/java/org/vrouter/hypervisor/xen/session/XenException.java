package org.vrouter.hypervisor.xen.session;

/**
 * Why a XenServer operation did not happen: a XenAPI call that failed ({@link XenCallException}),
 * or something the host lacks that the operation needs (a template, a network). The resource turns
 * it into a failed answer; the message says what and, for a call, which call.
 */
public class XenException extends Exception {
    private static final long serialVersionUID = 1L;

    public XenException(String message) {
        super(message);
    }

    public XenException(String message, Throwable cause) {
        super(message, cause);
    }
}
