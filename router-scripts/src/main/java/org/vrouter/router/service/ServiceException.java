package org.vrouter.router.service;

import org.vrouter.api.error.VrouterException;
import org.vrouter.router.host.ProgramResult;

/** A daemon could not be started, stopped, reloaded or signalled. */
public class ServiceException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String daemon;
    private final String action;

    public ServiceException(String daemon, String action, String detail) {
        super(Category.OPERATION_FAILED, "cannot " + action + " " + daemon + ": " + detail);
        this.daemon = daemon;
        this.action = action;
    }

    static ServiceException of(Daemon daemon, String action, ProgramResult result) {
        String detail = result.firstErrorLine();
        return new ServiceException(daemon.name(), action,
                "exit status " + result.exitStatus() + (detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    public String daemon() {
        return daemon;
    }

    public String action() {
        return action;
    }
}
