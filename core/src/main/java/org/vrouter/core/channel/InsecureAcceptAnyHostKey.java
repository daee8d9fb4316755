package org.vrouter.core.channel;

/**
 * {@link HostKeyPolicy#insecureAcceptAnyHostKey()}: no host key check. Labs only; see there.
 */
public record InsecureAcceptAnyHostKey() implements HostKeyPolicy {
}
