package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.network.Network;
import org.vrouter.api.rule.NetworkAclItem;

/** An element providing {@code NetworkACL} for VPC tiers. Follows the {@link NetworkElement} contract. */
public interface NetworkACLServiceProvider extends NetworkElement {
    /** Replaces the tier's ACL with {@code items} (revoked items are dropped). */
    void applyNetworkAcls(Network network, List<NetworkAclItem> items);
}
