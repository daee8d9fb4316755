package org.vrouter.core.channel;

/**
 * Opens a {@link RouterChannel} to a router. {@code VirtualRoutingResource} calls it once per
 * command with the router named by the command's access details; opening must be cheap (connect
 * lazily), because a command that never reaches the router still opens a channel. Thread-safe.
 */
@FunctionalInterface
public interface RouterChannelFactory {
    RouterChannel open(RouterEndpoint router);
}
