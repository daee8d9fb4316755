package org.vrouter.api.element;

/**
 * An element providing {@code SourceNat}: guests' outbound traffic leaves through the network's
 * source NAT address. The address itself arrives through the {@link IpDeployer}; there is nothing
 * else to call.
 */
public interface SourceNatServiceProvider extends NetworkElement, IpDeployingRequester {
}
