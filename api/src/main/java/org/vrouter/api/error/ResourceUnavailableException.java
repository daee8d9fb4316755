package org.vrouter.api.error;

import java.util.Optional;

/**
 * A router, host or agent the operation needs is not available now: no running router for the
 * network, a router that needs a template upgrade, a host that is down. Retrying later may succeed.
 * Carries the router's instance name when one router is the cause.
 */
public class ResourceUnavailableException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String routerName;

    public ResourceUnavailableException(String message) {
        this(null, message, null);
    }

    public ResourceUnavailableException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * @param routerName the instance name of the router that is unavailable ({@code r-5-VM}), or
     *     null when no single router is the cause
     */
    protected ResourceUnavailableException(String routerName, String message, Throwable cause) {
        super(Category.RESOURCE_UNAVAILABLE, routerName == null ? message : routerName + ": " + message, cause);
        this.routerName = routerName;
    }

    /** The failure of one router, named in the message. */
    public static ResourceUnavailableException forRouter(String routerName, String message) {
        return new ResourceUnavailableException(java.util.Objects.requireNonNull(routerName, "routerName is null"), message, null);
    }

    /** The instance name of the router that was unavailable, when one router was the cause. */
    public Optional<String> routerName() {
        return Optional.ofNullable(routerName);
    }
}
