package org.vrouter.hypervisor.xen.xapi;

import java.util.List;

/**
 * Where call handlers register: a wire name, its parameter count as a real host counts it (the
 * session included), and the handler, which gets the parameters after the session. A handler
 * raises {@link XapiError} for a XenAPI error.
 */
interface XapiMethods {
    /** One XenAPI call's behaviour. */
    @FunctionalInterface
    interface Handler {
        Object call(List<Object> arguments);
    }

    /** A synchronous call {@code name} taking the session and {@code arity - 1} more parameters. */
    void method(String name, int arity, Handler handler);

    /**
     * {@code name} and its asynchronous twin {@code Async.<name>}, which returns a task: finished at
     * once with the handler's result or error, or left pending when the handler throws
     * {@link Hang} (a guest that never answers), until {@code task.cancel}.
     */
    void withAsync(String name, int arity, Handler handler);

    /** Thrown by a handler whose operation does not finish: the synchronous call fails, the task stays pending. */
    final class Hang extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hang(String operation) {
            super(operation + " does not finish");
        }
    }
}
