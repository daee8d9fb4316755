package org.vrouter.api.error;

/**
 * No hypervisor resource answers for a host: none is registered, or the host is disconnected. As
 * in CloudStack this is a kind of {@link ResourceUnavailableException}; a router manager may treat
 * it as "router disconnected" rather than as a failed command.
 */
public class AgentUnavailableException extends ResourceUnavailableException {
    private static final long serialVersionUID = 1L;

    private final long hostId;

    public AgentUnavailableException(long hostId, String reason) {
        this(hostId, reason, null);
    }

    public AgentUnavailableException(long hostId, String reason, Throwable cause) {
        super(null, "host " + hostId + ": " + reason, cause);
        this.hostId = hostId;
    }

    /** The host whose agent could not be reached. */
    public long hostId() {
        return hostId;
    }
}
